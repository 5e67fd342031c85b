import { Stack, Text } from '@mantine/core';
import type { DataColumn } from '../DataTable/data-table-types';
import { NowrapText } from '../DataTable/TableCard';

interface PlacedRow {
  readonly accountId: string;
  readonly profileName: string;
  readonly region: string;
}

/** Where an inventory row was read: the account, with the profile that read it under. */
export function accountColumn<Row extends PlacedRow>(): DataColumn<Row> {
  return {
    id: 'account',
    header: 'Account',
    value: (row) => row.accountId,
    cell: (row) => (
      <Stack gap={0}>
        <NowrapText size="sm">{row.accountId}</NowrapText>
        <Text size="xs" c="dimmed">
          {row.profileName}
        </Text>
      </Stack>
    ),
    filter: 'select',
    width: 150,
  };
}

/** The Region an inventory row was read in. */
export function regionColumn<Row extends PlacedRow>(width: number): DataColumn<Row> {
  return {
    id: 'region',
    header: 'Region',
    value: (row) => row.region,
    cell: (row) => <NowrapText size="sm">{row.region}</NowrapText>,
    filter: 'select',
    width,
  };
}
