import { Code, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { auditFilterLines } from './audit-filter';

export function AuditPage() {
  const filter = auditFilterLines(useSearchParams()[0]);
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
      {filter.length > 0 && (
        <Stack gap={4} maw={720} mx="auto" mt="md" data-testid="audit-filter">
          <Text size="sm" fw={600}>
            The filter you were sent with (applied once this page is built)
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {filter.join('\n')}
          </Code>
        </Stack>
      )}
    </>
  );
}
