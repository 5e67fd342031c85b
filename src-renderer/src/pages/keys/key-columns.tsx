import { Code, Stack, Text } from '@mantine/core';
import type { KeyLastUsage, KeyRow } from '../../../../src-shared/models/kms-key';
import { withBreaks } from '../../components/DataTable/BreakableCode';
import type { DataColumn } from '../../components/DataTable/data-table-types';
import { NowrapText } from '../../components/DataTable/TableCard';
import { tagsColumn } from '../../components/DataTable/tags-column';
import { accountColumn, regionColumn } from '../../components/Inventory/place-columns';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import {
  day,
  managerLabel,
  multiRegionLabels,
  originLabels,
  rotationLabel,
  stateLabels,
  stateTones,
  typeLabels,
  usageLabels,
} from './key-labels';
import { rowId } from '../../../../src-shared/models/inventory-view';
import { usd } from '../../format/usd';

function lastUsedText(usage: KeyLastUsage | undefined): string | null {
  if (!usage) return null;
  if (usage.status === 'used') return `${day(usage.timestamp)} · ${usage.operation ?? ''}`.trim();
  if (usage.status === 'never-used') return `Never (since ${day(usage.trackingStartDate) ?? '?'})`;
  if (usage.status === 'unavailable') return 'Not available here';
  return 'Could not read';
}

/** Two short lines — what, then since when or which call — so a date never breaks at its dash. */
function LastUsed({ usage }: { usage: KeyLastUsage | undefined }) {
  if (!usage)
    return (
      <Text size="sm" c="dimmed" aria-label="Last use not read yet">
        …
      </Text>
    );
  if (usage.status === 'used' || usage.status === 'never-used') {
    const used = usage.status === 'used';
    return (
      <Stack gap={0}>
        <NowrapText size="sm">{used ? day(usage.timestamp) : 'Never'}</NowrapText>
        <NowrapText size="xs" c="dimmed">
          {used ? (usage.operation ?? '') : `tracked since ${day(usage.trackingStartDate) ?? '?'}`}
        </NowrapText>
      </Stack>
    );
  }
  return (
    <Text size="sm" c="dimmed" title={usage.error?.message}>
      {lastUsedText(usage)}
    </Text>
  );
}

function Aliases({ row }: { row: KeyRow }) {
  return (
    <Stack gap={4} align="flex-start">
      {row.aliases.length === 0 ? (
        <Text size="sm" c="dimmed">
          No alias
        </Text>
      ) : (
        row.aliases.map((alias) => (
          <Text key={alias} size="sm" fw={600}>
            {withBreaks(alias, /(?<=[/-])/)}
          </Text>
        ))
      )}
      {row.manager !== 'customer' && <StatusBadge tone="aws">{managerLabel(row)}</StatusBadge>}
    </Stack>
  );
}

/** The Keys inventory's columns (issue 12 §2); "last used" reads what was fetched so far. */
export function keyColumns(lastUsage: ReadonlyMap<string, KeyLastUsage>): DataColumn<KeyRow>[] {
  return [
    {
      id: 'aliases',
      header: 'Alias',
      value: (row) => row.aliases.join(', ') || null,
      exportValue: (row) => row.aliases.join(' '),
      cell: (row) => <Aliases row={row} />,
      filter: 'text',
      width: 230,
      hideable: false,
    },
    {
      id: 'keyId',
      header: 'Key ID',
      value: (row) => row.keyId,
      cell: (row) => <Code fz="xs">{withBreaks(row.keyId, /(?<=-)/)}</Code>,
      filter: 'text',
      width: 170,
    },
    accountColumn<KeyRow>(),
    regionColumn<KeyRow>(140),
    {
      id: 'type',
      header: 'Type',
      value: (row) => typeLabels[row.type],
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{typeLabels[row.type]}</Text>
          <Text size="xs" c="dimmed">
            {row.keySpec}
          </Text>
        </Stack>
      ),
      filter: 'select',
      width: 150,
    },
    {
      id: 'usage',
      header: 'Usage',
      value: (row) => usageLabels[row.usage],
      filter: 'select',
      width: 150,
      hiddenByDefault: true,
    },
    {
      id: 'state',
      header: 'State',
      value: (row) => stateLabels[row.state],
      cell: (row) => (
        <Stack gap={2} align="flex-start">
          <StatusBadge tone={stateTones[row.state]}>{stateLabels[row.state]}</StatusBadge>
          {row.deletionDate && (
            <Text size="xs" c="dimmed">
              on {day(row.deletionDate)}
            </Text>
          )}
        </Stack>
      ),
      filter: 'select',
      width: 190,
    },
    {
      id: 'manager',
      header: 'Manager',
      value: (row) => managerLabel(row),
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{managerLabel(row)}</Text>
          <Text size="xs" c="dimmed">
            {originLabels[row.origin]}
          </Text>
        </Stack>
      ),
      exportValue: (row) => `${managerLabel(row)} (${originLabels[row.origin]})`,
      filter: 'select',
      width: 170,
    },
    {
      id: 'rotation',
      header: 'Rotation',
      value: (row) => rotationLabel(row),
      cell: (row) => (
        <Stack gap={0}>
          <Text size="sm">{rotationLabel(row)}</Text>
          {row.rotation.nextRotationDate && (
            <Text size="xs" c="dimmed">
              next {day(row.rotation.nextRotationDate)}
            </Text>
          )}
        </Stack>
      ),
      filter: 'select',
      width: 160,
    },
    {
      id: 'multiRegion',
      header: 'Multi-Region',
      value: (row) => multiRegionLabels[row.multiRegion.role],
      filter: 'select',
      width: 140,
      hiddenByDefault: true,
    },
    {
      id: 'created',
      header: 'Created',
      value: (row) => day(row.createdAt),
      cell: (row) => <NowrapText size="sm">{day(row.createdAt)}</NowrapText>,
      width: 120,
      hiddenByDefault: true,
    },
    {
      id: 'lastUsed',
      header: 'Last used',
      value: (row) => lastUsedText(lastUsage.get(rowId(row))),
      cell: (row) => <LastUsed usage={lastUsage.get(rowId(row))} />,
      width: 190,
    },
    {
      id: 'description',
      header: 'Description',
      value: (row) => row.description || null,
      filter: 'text',
      width: 240,
      hiddenByDefault: true,
    },
    tagsColumn<KeyRow>(),
    {
      id: 'cost',
      header: 'Est. monthly cost',
      value: (row) => row.estimatedMonthlyCostUsd,
      cell: (row) => <NowrapText size="sm">{usd.format(row.estimatedMonthlyCostUsd)}</NowrapText>,
      width: 190,
    },
  ];
}
