import { Code, List, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { KeyMetadata } from '../../../../../src-shared/models/key-metadata';
import { applicationImpact, NEW_KEY, type PlannedCall } from '../rotation-plan';

export interface PreviewStepProps {
  readonly metadata: KeyMetadata;
  readonly calls: readonly PlannedCall[];
}

/** Step 3: the AWS calls in order (and their CLI equivalent), and what applications must do. */
export function PreviewStep({ metadata, calls }: PreviewStepProps) {
  const [cli, setCli] = useState(false);
  return (
    <Stack gap="md">
      <Title order={2} size="h5">
        AWS calls, in order
      </Title>
      <Table aria-label="AWS calls in order" data-testid="planned-calls" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th w={200}>Call</Table.Th>
            <Table.Th>What for</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call, i) => (
            <Table.Tr key={`${call.api}-${i}`}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Code>{call.api}</Code>
              </Table.Td>
              <Table.Td>{call.purpose}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Switch
        label="Show AWS CLI equivalent"
        checked={cli}
        onChange={(e) => setCli(e.currentTarget.checked)}
      />
      {cli && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {NEW_KEY} stands for the id CreateKey answers; old-key-policy.json is the old key’s
            policy as it is now.
          </Text>
          <Code
            block
            data-testid="cli-equivalent"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {calls.map((call) => call.cli).join('\n\n')}
          </Code>
        </Stack>
      )}
      <Title order={2} size="h5">
        What applications must do
      </Title>
      <List size="sm" spacing={4} data-testid="application-impact">
        {applicationImpact(metadata).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
