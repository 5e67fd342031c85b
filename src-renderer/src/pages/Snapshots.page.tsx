import { IconCamera } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function SnapshotsPage() {
  return (
    <>
      <PageHeader
        title="Snapshots"
        description="Encrypted EBS snapshots and volumes, and the keys that protect them."
      />
      <EmptyState
        icon={IconCamera}
        title="Snapshot jobs are not built yet"
        description="This page will walk you through copying encrypted snapshots across regions and accounts, with every KMS permission checked before anything runs."
        upcoming={[
          'Snapshots and volumes with their encryption key and sharing state',
          'Copy wizard: cross-region and cross-account, with re-encryption under a key of your choice',
          'A preflight that names the missing grant or policy statement and how to fix it',
          'Resumable runs with a journal and an AWS CLI runbook',
        ]}
      />
    </>
  );
}
