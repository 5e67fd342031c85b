import { Stack, Text } from '@mantine/core';
import type { RotationCompliance } from '../../../../../src-shared/models/key-rotation-compliance';
import type { KeyRow } from '../../../../../src-shared/models/kms-key';
import type { DataColumn } from '../../../components/DataTable/data-table-types';
import { NowrapText } from '../../../components/DataTable/TableCard';
import { StatusBadge } from '../../../components/StatusBadge/StatusBadge';
import { keyColumns } from '../key-columns';
import { day, stateLabels } from '../key-labels';
import { rotationStatusLabels, rotationStatusTones } from './rotation-labels';

/** An inventory row with where it stands on rotation. */
export interface ComplianceRow extends KeyRow {
  readonly compliance: RotationCompliance;
}

/** The inventory's own columns that name a key and where it lives. */
const placeColumns = new Set(['aliases', 'keyId', 'account', 'region']);

function Why({ row }: { row: ComplianceRow }) {
  const { reason, stateNote } = row.compliance;
  if (!reason && !stateNote) {
    return (
      <Text size="sm" c="dimmed">
        {row.compliance.status === 'off'
          ? 'AWS can rotate it; automatic rotation is off.'
          : 'Nothing to do.'}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {reason && <Text size="sm">{reason}</Text>}
      {stateNote && (
        <Text size="sm" fw={600}>
          {stateNote}
        </Text>
      )}
    </Stack>
  );
}

/** The compliance view's columns: the key, its rotation status, period, next date and why. */
export function rotationColumns(): DataColumn<ComplianceRow>[] {
  const place = keyColumns(new Map()).flatMap((column) =>
    // The key id is in the row's link and the export; the alias says which key at a glance.
    placeColumns.has(column.id) ? [{ ...column, hiddenByDefault: column.id === 'keyId' }] : [],
  );
  const [alias, ...where] = place;
  return [
    ...(alias ? [alias] : []),
    {
      id: 'rotationStatus',
      header: 'Rotation',
      value: (row) => rotationStatusLabels[row.compliance.status],
      cell: (row) => (
        <StatusBadge tone={rotationStatusTones[row.compliance.status]} tt="none">
          {rotationStatusLabels[row.compliance.status]}
        </StatusBadge>
      ),
      filter: 'select',
      width: 170,
      hideable: false,
    },
    {
      id: 'period',
      header: 'Period',
      value: (row) => row.compliance.periodDays,
      cell: (row) =>
        row.compliance.periodDays === null ? null : (
          <NowrapText size="sm">{row.compliance.periodDays} days</NowrapText>
        ),
      width: 100,
    },
    {
      id: 'nextRotation',
      header: 'Next rotation',
      value: (row) => day(row.compliance.nextRotationDate),
      cell: (row) => (
        <Stack gap={2} align="flex-start">
          <NowrapText size="sm">{day(row.compliance.nextRotationDate)}</NowrapText>
          {row.compliance.overdue && <StatusBadge tone="danger">Overdue</StatusBadge>}
        </Stack>
      ),
      width: 130,
    },
    {
      id: 'why',
      header: 'Why · note',
      value: (row) =>
        [row.compliance.reason, row.compliance.stateNote].filter(Boolean).join(' ') || null,
      cell: (row) => <Why row={row} />,
      filter: 'text',
      width: 280,
    },
    ...where,
    {
      id: 'state',
      header: 'State',
      value: (row) => stateLabels[row.state],
      filter: 'select',
      width: 150,
      hiddenByDefault: true,
    },
  ];
}
