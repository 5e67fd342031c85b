import { Button, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { PolicyVersion } from '../../../../src-shared/models/key-changes';
import { ConfirmDestructive } from '../ConfirmDestructive/ConfirmDestructive';
import { ActionsCell, ActionsHeader, NowrapText, TableCard } from '../DataTable/TableCard';
import { BreakableCode } from '../DataTable/BreakableCode';
import { StatementDiff } from './StatementDiff';

export interface PolicyVersionsProps {
  readonly versions: readonly PolicyVersion[];
  /** The policy in force now, to show what a revert would change. */
  readonly current: string;
  readonly reverting: boolean;
  readonly onRevert: (version: PolicyVersion) => void;
}

const sources = { found: 'Found', saved: 'Saved', reverted: 'Reverted' } as const;

/** Every version Keyward saved for this key, newest first, each one click from being put back. */
export function PolicyVersions({ versions, current, reverting, onRevert }: PolicyVersionsProps) {
  const [chosen, setChosen] = useState<PolicyVersion | null>(null);
  const newestFirst = [...versions].reverse();
  return (
    <Stack gap="xs" component="section" aria-label="Policy versions">
      <Text fw={600}>Versions</Text>
      {newestFirst.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet: Keyward keeps a version each time it saves this policy (and the one it found).
        </Text>
      ) : (
        <TableCard aria-label="Policy versions" minWidth={560} data-testid="policy-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Saved</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>By</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst.map((version, i) => (
              <Table.Tr key={version.id}>
                <Table.Td>
                  <NowrapText size="sm">{new Date(version.savedAt).toLocaleString()}</NowrapText>
                </Table.Td>
                <Table.Td>
                  <NowrapText size="sm">
                    {i === 0 ? `${sources[version.source]} (latest)` : sources[version.source]}
                  </NowrapText>
                </Table.Td>
                <Table.Td>
                  <BreakableCode>{version.savedBy}</BreakableCode>
                </Table.Td>
                <ActionsCell>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconHistory size={14} />}
                    aria-label={`Revert to the version of ${new Date(version.savedAt).toLocaleString()}`}
                    onClick={() => setChosen(version)}
                  >
                    Revert
                  </Button>
                </ActionsCell>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      <ConfirmDestructive
        opened={chosen !== null}
        title="Revert the key policy?"
        confirmLabel="Revert"
        busy={reverting}
        onCancel={() => setChosen(null)}
        onConfirm={() => {
          if (chosen) onRevert(chosen);
          setChosen(null);
        }}
      >
        <Stack gap="xs">
          <Text size="sm">
            The policy saved {chosen ? new Date(chosen.savedAt).toLocaleString() : ''} replaces the
            current one (recorded as a new version):
          </Text>
          {chosen && <StatementDiff before={current} after={chosen.document} />}
        </Stack>
      </ConfirmDestructive>
    </Stack>
  );
}
