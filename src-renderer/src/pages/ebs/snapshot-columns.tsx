import { Code, Stack, Text } from '@mantine/core';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import type { SnapshotRow } from '../../../../src-shared/models/snapshot';
import type { DataColumn } from '../../components/DataTable/data-table-types';
import { NowrapText } from '../../components/DataTable/TableCard';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge/StatusBadge';
import { BadgeCell, NamedId, placeColumns } from './common-columns';
import { day, encryptionBadge, keyLabel } from './ebs-labels';

export const snapshotStateTones: Readonly<Record<SnapshotRow['state'], StatusTone>> = {
  completed: 'ok',
  pending: 'neutral',
  error: 'danger',
  recoverable: 'warning',
  recovering: 'neutral',
};

export const snapshotName = (row: SnapshotRow) => row.tags.Name ?? row.snapshotId;

export function SnapshotState({ row }: { row: SnapshotRow }) {
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge tone={snapshotStateTones[row.state]}>{row.state}</StatusBadge>
      {row.state === 'pending' && (
        <Text size="xs" c="dimmed">
          {row.progress}
        </Text>
      )}
    </Stack>
  );
}

/** The Snapshots page's columns; "Sharing" reads what was fetched so far for owned rows. */
export function snapshotColumns(
  sharingOf: (row: SnapshotRow) => EbsSharing | undefined,
): DataColumn<SnapshotRow>[] {
  const place = placeColumns<SnapshotRow>(sharingOf);
  return [
    {
      id: 'snapshot',
      header: 'Snapshot',
      value: (row) => `${row.tags.Name ?? ''} ${row.snapshotId}`.trim(),
      cell: (row) => <NamedId name={row.tags.Name ?? null} id={row.snapshotId} />,
      filter: 'text',
      width: 220,
      hideable: false,
    },
    {
      id: 'encryption',
      header: 'Encryption',
      value: (row) => encryptionBadge(row.encryption).label,
      cell: (row) => <BadgeCell badge={encryptionBadge(row.encryption)} />,
      filter: 'select',
      width: 280,
    },
    {
      id: 'key',
      header: 'KMS key',
      value: (row) => (row.encryption.key ? keyLabel(row.encryption.key) : null),
      exportValue: (row) => row.encryption.key?.keyArn ?? '',
      cell: (row) =>
        row.encryption.key ? <Code fz="xs">{keyLabel(row.encryption.key)}</Code> : null,
      filter: 'text',
      width: 200,
      hiddenByDefault: true,
    },
    place.sharing,
    place.ownership,
    place.account,
    place.region,
    {
      id: 'description',
      header: 'Description',
      value: (row) => row.description || null,
      cell: (row) => <Text size="sm">{row.description}</Text>,
      filter: 'text',
      width: 220,
    },
    {
      id: 'size',
      header: 'Size',
      value: (row) => row.sizeGiB,
      cell: (row) => <NowrapText size="sm">{row.sizeGiB} GiB</NowrapText>,
      width: 90,
    },
    {
      id: 'state',
      header: 'State',
      value: (row) => row.state,
      cell: (row) => <SnapshotState row={row} />,
      filter: 'select',
      width: 120,
    },
    {
      id: 'started',
      header: 'Started',
      value: (row) => row.startTime,
      cell: (row) => <NowrapText size="sm">{day(row.startTime)}</NowrapText>,
      width: 120,
    },
    {
      id: 'volume',
      header: 'Volume',
      value: (row) => row.volumeId,
      cell: (row) => <Code fz="xs">{row.volumeId}</Code>,
      filter: 'text',
      width: 190,
      hiddenByDefault: true,
    },
    place.tags,
  ];
}
