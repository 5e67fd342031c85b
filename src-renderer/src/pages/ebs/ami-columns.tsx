import { Code, Stack, Text } from '@mantine/core';
import type { AmiRow } from '../../../../src-shared/models/ami';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import type { DataColumn } from '../../components/DataTable/data-table-types';
import { NowrapText } from '../../components/DataTable/TableCard';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge/StatusBadge';
import { BadgeCell, NamedId, placeColumns } from './common-columns';
import { amiEncryption, day, distinctKeys, keyLabel } from './ebs-labels';

const stateTones: Readonly<Record<string, StatusTone>> = {
  available: 'ok',
  pending: 'neutral',
  failed: 'danger',
  error: 'danger',
  invalid: 'danger',
  disabled: 'warning',
  deregistered: 'warning',
};
export const amiStateTone = (state: string): StatusTone => stateTones[state] ?? 'neutral';

export const amiName = (row: AmiRow) => row.name || row.imageId;

const keysText = (row: AmiRow) => distinctKeys(row.disks).map(keyLabel).join(', ');

/** The AMIs page's columns: each AMI with the keys of its backing snapshots. */
export function amiColumns(
  sharingOf: (row: AmiRow) => EbsSharing | undefined,
): DataColumn<AmiRow>[] {
  const place = placeColumns<AmiRow>(sharingOf);
  return [
    {
      id: 'ami',
      header: 'AMI',
      value: (row) => `${row.name} ${row.imageId}`.trim(),
      cell: (row) => <NamedId name={row.name || null} id={row.imageId} />,
      filter: 'text',
      width: 230,
      hideable: false,
    },
    {
      id: 'encryption',
      header: 'Encryption',
      value: (row) => amiEncryption(row.disks).label,
      cell: (row) => <BadgeCell badge={amiEncryption(row.disks)} />,
      filter: 'select',
      width: 280,
    },
    {
      id: 'keys',
      header: 'Backing snapshot keys',
      value: (row) => keysText(row) || null,
      exportValue: (row) =>
        distinctKeys(row.disks)
          .map((key) => key.keyArn)
          .join(' '),
      cell: (row) => (
        <Stack gap={2} align="flex-start">
          {distinctKeys(row.disks).map((key) => (
            <Code key={key.keyArn} fz="xs">
              {keyLabel(key)}
            </Code>
          ))}
          <Text size="xs" c="dimmed">
            {row.disks.length} {row.disks.length === 1 ? 'disk' : 'disks'}
          </Text>
        </Stack>
      ),
      filter: 'text',
      width: 200,
    },
    place.sharing,
    place.ownership,
    place.account,
    place.region,
    {
      id: 'state',
      header: 'State',
      value: (row) => row.state,
      cell: (row) => <StatusBadge tone={amiStateTone(row.state)}>{row.state}</StatusBadge>,
      filter: 'select',
      width: 120,
    },
    {
      id: 'created',
      header: 'Created',
      value: (row) => row.creationDate,
      cell: (row) => <NowrapText size="sm">{day(row.creationDate)}</NowrapText>,
      width: 120,
    },
    {
      id: 'description',
      header: 'Description',
      value: (row) => row.description || null,
      filter: 'text',
      width: 220,
      hiddenByDefault: true,
    },
    {
      id: 'architecture',
      header: 'Architecture',
      value: (row) => row.architecture,
      filter: 'select',
      width: 120,
      hiddenByDefault: true,
    },
    place.tags,
  ];
}
