import { IconStack2 } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function AmisPage() {
  return (
    <>
      <PageHeader title="AMIs" description="Machine images backed by encrypted snapshots." />
      <EmptyState
        icon={IconStack2}
        title="AMI sharing is not built yet"
        description="This page will share encrypted AMIs with another account: the launch permission, every backing snapshot, and the key policy and grants the other account needs."
        upcoming={[
          'AMIs with their backing snapshots and keys',
          'Share wizard that refuses AMIs on the AWS managed aws/ebs key and explains the way out',
          'Undo: remove the permissions a share added',
        ]}
      />
    </>
  );
}
