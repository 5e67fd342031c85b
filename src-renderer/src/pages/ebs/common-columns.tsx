import { Code, Stack, Text } from '@mantine/core';
import type { EbsOwnership } from '../../../../src-shared/models/ebs-key';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import { withBreaks } from '../../components/DataTable/BreakableCode';
import type { DataColumn } from '../../components/DataTable/data-table-types';
import { NowrapText } from '../../components/DataTable/TableCard';
import { tagsColumn } from '../../components/DataTable/tags-column';
import { accountColumn, regionColumn } from '../../components/Inventory/place-columns';
import { StatusBadge } from '../../components/StatusBadge/StatusBadge';
import { sharingBadge, type Badge } from './ebs-labels';

/** What every EC2 inventory row has: where it was read and whose it is. */
export interface EbsRowBase {
  readonly profileId: string;
  readonly profileName: string;
  readonly accountId: string;
  readonly region: string;
  readonly ownerId: string;
  readonly ownership: EbsOwnership;
  readonly tags: Readonly<Record<string, string>>;
}

export const ownershipLabels: Readonly<Record<EbsOwnership, string>> = {
  owned: 'Owned',
  'shared-with-me': 'Shared with you',
};

export function BadgeCell({ badge }: { badge: Badge | null }) {
  if (!badge)
    return (
      <Text size="sm" c="dimmed" aria-label="Not read yet">
        …
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge tone={badge.tone} tt="none">
        {badge.short}
      </StatusBadge>
      {badge.detail && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {badge.detail}
        </Text>
      )}
    </Stack>
  );
}

/** The resource's Name tag (bold) over its id: how people find a snapshot or an AMI. */
export function NamedId({ name, id }: { name: string | null; id: string }) {
  return (
    <Stack gap={2} align="flex-start">
      {name && (
        <Text size="sm" fw={600}>
          {withBreaks(name, /(?<=[/-])/)}
        </Text>
      )}
      <Code fz="xs">{id}</Code>
    </Stack>
  );
}

/** Account, region, ownership, sharing and tags: the columns both pages share. */
export function placeColumns<Row extends EbsRowBase>(
  sharingOf: (row: Row) => EbsSharing | undefined,
): Record<'account' | 'region' | 'ownership' | 'sharing' | 'tags', DataColumn<Row>> {
  return {
    account: accountColumn<Row>(),
    region: regionColumn<Row>(130),
    ownership: {
      id: 'ownership',
      header: 'Owner',
      value: (row) => ownershipLabels[row.ownership],
      cell: (row) => (
        <Stack gap={0}>
          <NowrapText size="sm">{ownershipLabels[row.ownership]}</NowrapText>
          {row.ownership === 'shared-with-me' && (
            <Text size="xs" c="dimmed">
              by {row.ownerId}
            </Text>
          )}
        </Stack>
      ),
      filter: 'select',
      width: 140,
    },
    sharing: {
      id: 'sharing',
      header: 'Sharing',
      value: (row) => sharingBadge(row, sharingOf(row))?.label ?? null,
      cell: (row) => <BadgeCell badge={sharingBadge(row, sharingOf(row))} />,
      filter: 'select',
      width: 220,
    },
    tags: tagsColumn<Row>(),
  };
}
