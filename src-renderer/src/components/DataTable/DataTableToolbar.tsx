import { CloseButton, Group, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RowNoun } from './data-table-types';
import classes from './DataTable.module.css';

const count = (value: number) => value.toLocaleString('en-US');

/** "1,234 of 10,000 keys": what the search and filters leave, of everything loaded. */
export function rowCountText(shown: number, total: number, noun: RowNoun): string {
  const word = total === 1 ? noun.one : noun.many;
  return shown === total ? `${count(total)} ${word}` : `${count(shown)} of ${count(total)} ${word}`;
}

interface DataTableToolbarProps {
  readonly noun: RowNoun;
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly shown: number;
  readonly total: number;
  readonly selected: number;
  /** The page's own controls, first on the line. */
  readonly start?: ReactNode;
  /** Views, columns and export menus, last on the line. */
  readonly end: ReactNode;
  /** Only the page's controls (no rows at all): they keep their state when the rows come. */
  readonly bare?: boolean;
}

/** Search, the row count, and the table's menus; the line wraps rather than squeeze them. */
export function DataTableToolbar({
  noun,
  search,
  onSearch,
  shown,
  total,
  selected,
  start,
  end,
  bare = false,
}: DataTableToolbarProps) {
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="sm" wrap="wrap">
        {start}
        {!bare && (
          <TextInput
            aria-label={`Search ${noun.many}`}
            placeholder={`Search ${noun.many}`}
            leftSection={<IconSearch size={16} />}
            rightSection={
              search ? (
                <CloseButton size="sm" aria-label="Clear search" onClick={() => onSearch('')} />
              ) : null
            }
            value={search}
            onChange={(event) => onSearch(event.currentTarget.value)}
            w={260}
          />
        )}
        {!bare && (
          <Text
            size="sm"
            c="dimmed"
            aria-live="polite"
            data-testid="row-count"
            className={classes.nowrap}
          >
            {rowCountText(shown, total, noun)}
            {selected > 0 && ` · ${count(selected)} selected`}
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        {end}
      </Group>
    </Group>
  );
}
