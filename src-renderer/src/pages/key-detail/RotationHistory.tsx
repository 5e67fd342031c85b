import { Table, Text } from '@mantine/core';
import type { RotationEntry } from '../../../../src-shared/models/key-detail';
import { NowrapText } from '../../components/DataTable/TableCard';
import { DetailTable } from './DetailTable';
import { formatDate } from './format';

/** ListKeyRotations, newest first. */
export function RotationHistory({ entries }: { entries: readonly RotationEntry[] }) {
  const sorted = [...entries].sort((a, b) =>
    (b.rotationDate ?? '').localeCompare(a.rotationDate ?? ''),
  );
  return (
    <DetailTable
      label="Rotation history"
      columns={['Date', 'Type', 'Key material']}
      count={sorted.length}
      empty="No rotations yet."
      minWidth={560}
      data-testid="rotation-history"
    >
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
    </DetailTable>
  );
}
