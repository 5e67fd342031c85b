import { IconHistory } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        description="Who used which key, when and from where, from CloudTrail."
      />
      <EmptyState
        icon={IconHistory}
        title="The audit trail is not built yet"
        description="This page will read CloudTrail into a local cache and answer questions about key use in milliseconds."
        upcoming={[
          'Search by key, principal, operation, time and outcome',
          'Access-denied attempts highlighted, with the policy that denied them',
          'Calls AWS services made on your behalf (invokedBy) told apart from direct calls',
        ]}
      />
    </>
  );
}
