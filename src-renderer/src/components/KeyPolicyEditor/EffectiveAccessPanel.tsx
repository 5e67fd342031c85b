import { Stack, Table, Text } from '@mantine/core';
import type { AccessVerdict } from '../../../../src-shared/policy/key-policy/access-verdict';
import type { KeyAccessRow } from '../../../../src-shared/policy/key-policy/effective-key-access';
import { BreakableCode } from '../DataTable/BreakableCode';
import { TableCard } from '../DataTable/TableCard';
import { StatusBadge, type StatusTone } from '../StatusBadge/StatusBadge';

const verdicts: Readonly<Record<AccessVerdict, { label: string; tone: StatusTone }>> = {
  allowed: { label: 'Yes', tone: 'ok' },
  conditional: { label: 'With conditions', tone: 'warning' },
  'depends-on-iam': { label: 'If IAM allows', tone: 'neutral' },
  denied: { label: 'No', tone: 'danger' },
};

function Verdict({ verdict }: { verdict: AccessVerdict }) {
  const { label, tone } = verdicts[verdict];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}

/** Who can administer, use, grant and delete, from the shared evaluator over this text. */
export function EffectiveAccessPanel({ rows }: { rows: readonly KeyAccessRow[] | undefined }) {
  return (
    <Stack gap="xs" component="section" aria-label="Effective access">
      <Text fw={600}>Effective access</Text>
      <Text size="xs" c="dimmed">
        What this policy lets each principal it names do. “If IAM allows”: the account root is
        trusted, so that account’s IAM policies decide.
      </Text>
      {rows === undefined ? (
        <Text size="sm" c="dimmed">
          Fix the JSON to see who can do what.
        </Text>
      ) : (
        <TableCard aria-label="Effective access" minWidth={640} data-testid="effective-access">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Principal</Table.Th>
              <Table.Th>Administer</Table.Th>
              <Table.Th>Use</Table.Th>
              <Table.Th>Grant</Table.Th>
              <Table.Th>Delete</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.kind}:${row.subject}`}>
                <Table.Td>
                  <BreakableCode>{row.label}</BreakableCode>
                </Table.Td>
                <Table.Td>
                  <Verdict verdict={row.administer} />
                </Table.Td>
                <Table.Td>
                  <Verdict verdict={row.use} />
                </Table.Td>
                <Table.Td>
                  <Verdict verdict={row.grant} />
                </Table.Td>
                <Table.Td>
                  <Verdict verdict={row.delete} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
