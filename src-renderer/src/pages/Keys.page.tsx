import { IconKey } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function KeysPage() {
  return (
    <>
      <PageHeader title="Keys" description="KMS keys across your accounts and regions." />
      <EmptyState
        icon={IconKey}
        title="The key inventory is not built yet"
        description="This page will list every KMS key your profiles can see, in every default region, in one table. Nothing here is sample data: until the inventory lands, it stays empty."
        upcoming={[
          'All keys with aliases, state, rotation status and tags, across accounts and regions',
          'Create-key wizard that writes the console’s default key policy',
          'Key policy editor with a lockout check before PutKeyPolicy',
          'Rotation, enable/disable and scheduled deletion with confirmation',
        ]}
      />
    </>
  );
}
