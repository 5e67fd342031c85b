import { Stack, Table, Text } from '@mantine/core';
import type { BulkRotationOutcome } from '../../../../../src-shared/models/bulk-rotation';
import { rowId } from '../../../../../src-shared/models/inventory-view';
import { withBreaks } from '../../../components/DataTable/BreakableCode';
import { NowrapText, TableCard } from '../../../components/DataTable/TableCard';
import { StatusBadge } from '../../../components/StatusBadge/StatusBadge';
import { day, keyName } from '../key-labels';
import type { PreviewLine } from './enable-rotation-preview';

function Outcome({ outcome }: { outcome: BulkRotationOutcome }) {
  if (outcome.outcome === 'enabled') {
    const next = day(outcome.rotation?.nextRotationDate ?? null);
    return (
      <Stack gap={2} align="flex-start">
        <StatusBadge tone="ok">Enabled</StatusBadge>
        <Text size="sm">
          Every {outcome.rotation?.periodDays ?? '?'} days{next ? `, next ${next}` : ''}
        </Text>
      </Stack>
    );
  }
  if (outcome.outcome === 'skipped') {
    return (
      <Stack gap={2} align="flex-start">
        <StatusBadge tone="neutral">Skipped</StatusBadge>
        <Text size="sm">{outcome.reason}</Text>
      </Stack>
    );
  }
  const { error } = outcome;
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge tone="danger">Failed</StatusBadge>
      <Text size="sm">{error?.message}</Text>
      {error?.hint && (
        <Text size="xs" c="dimmed">
          {error.hint}
        </Text>
      )}
      {error?.aws && (
        <Text size="xs" c="dimmed">
          AWS {error.aws.code}
          {error.aws.requestId ? ` · request id ${error.aws.requestId}` : ''}
        </Text>
      )}
    </Stack>
  );
}

function Plan({ line, periodDays }: { line: PreviewLine; periodDays: number }) {
  if (line.outcome) return <Outcome outcome={line.outcome} />;
  if (line.plan.action === 'enable') {
    return (
      <Stack gap={2} align="flex-start">
        <StatusBadge tone="ok">Will enable</StatusBadge>
        <Text size="sm">Every {periodDays} days</Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge tone="neutral">Skip</StatusBadge>
      <Text size="sm">{line.plan.reason}</Text>
    </Stack>
  );
}

/** Per key: which key, where, and what happens (the plan, then the outcome). */
export function PreviewTable(props: { lines: readonly PreviewLine[]; periodDays: number }) {
  return (
    <TableCard aria-label="What happens to each key" minWidth={560} maxHeight="40vh">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="34%">Key</Table.Th>
          <Table.Th w="22%">Where</Table.Th>
          <Table.Th>What happens</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.lines.map((line) => (
          <Table.Tr key={rowId(line.row)} data-testid="preview-line">
            <Table.Td>
              <Text size="sm" fw={600}>
                {withBreaks(keyName(line.row), /(?<=[/-])/)}
              </Text>
            </Table.Td>
            <Table.Td>
              <NowrapText size="sm">{line.row.region}</NowrapText>
              <Text size="xs" c="dimmed">
                {line.row.profileName} · {line.row.accountId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Plan line={line} periodDays={props.periodDays} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
