import { Table, Text } from '@mantine/core';
import type { RotationEntry } from '../../../../src-shared/models/key-detail';
import { NowrapText, TableCard } from '../../components/DataTable/TableCard';
import { formatDate } from './format';

/** ListKeyRotations, newest first. */
export function RotationHistory({ entries }: { entries: readonly RotationEntry[] }) {
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="rotation-history-empty">
        No rotations yet.
      </Text>
    );
  const sorted = [...entries].sort((a, b) =>
    (b.rotationDate ?? '').localeCompare(a.rotationDate ?? ''),
  );
  return (
    <TableCard aria-label="Rotation history" minWidth={560} data-testid="rotation-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Key material</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((entry, index) => (
          <Table.Tr key={entry.keyMaterialId ?? `${entry.rotationDate}-${index}`}>
            <Table.Td>
              <NowrapText size="sm">{formatDate(entry.rotationDate)}</NowrapText>
            </Table.Td>
            <Table.Td>
              {entry.rotationType === 'ON_DEMAND'
                ? 'On demand'
                : entry.rotationType === 'AUTOMATIC'
                  ? 'Automatic'
                  : (entry.rotationType ?? '—')}
            </Table.Td>
            <Table.Td>
              {/* 64 hex digits: may break anywhere rather than make the table scroll. */}
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {entry.keyMaterialId ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
