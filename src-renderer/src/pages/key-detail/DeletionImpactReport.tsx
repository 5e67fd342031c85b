import { Code, Group, Stack, Text, Title } from '@mantine/core';
import type { DeletionImpact } from '../../../../src-shared/models/key-usage';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { RecentUse } from './RecentUse';
import { UsageFindings } from './UsageFindings';

/** What deleting the key would break, from keys.deletionImpact. */
export function DeletionImpactReport({ impact }: { impact: DeletionImpact }) {
  return (
    <Stack gap="sm" data-testid="impact-report">
      <Title order={3} size="h5">
        Impact report
      </Title>
      <Text size="sm" fw={600}>
        {impact.summary}
      </Text>
      <UsageFindings usage={impact.usage} />
      <Text size="sm">
        <b>Default EBS key:</b>{' '}
        {impact.defaultEbsKeyIn.length === 0
          ? 'not the default anywhere looked at.'
          : `the default in ${impact.defaultEbsKeyIn.map((w) => w.region).join(', ')} — new encrypted volumes there would fail.`}
      </Text>
      <Stack gap={4}>
        <Text size="sm">
          <b>Aliases</b> (deleted with the key):
          {impact.aliases.length === 0 && ' none.'}
        </Text>
        {impact.aliases.length > 0 && (
          <Group gap={6}>
            {impact.aliases.map((alias) => (
              <Code key={alias.aliasName}>{alias.aliasName}</Code>
            ))}
          </Group>
        )}
        {impact.aliasesError && <ErrorAlert error={impact.aliasesError} />}
      </Stack>
      <RecentUse result={impact.recentUse} />
    </Stack>
  );
}
