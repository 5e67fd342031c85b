import { Checkbox, Group, Table, UnstyledButton } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { ColumnFilter } from './ColumnFilter';
import type { DataColumn } from './data-table-types';
import { ActionsHeader } from './TableCard';
import { selectColumnId, type DataTableInstance } from './use-data-table';
import classes from './DataTable.module.css';

interface DataTableHeaderProps<Row extends RowData> {
  readonly table: DataTableInstance<Row>;
  readonly columnsById: ReadonlyMap<string, DataColumn<Row>>;
  readonly noun: string;
  readonly withActions: boolean;
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

function SelectAll<Row extends RowData>({
  table,
  noun,
}: {
  table: DataTableInstance<Row>;
  noun: string;
}) {
  return (
    <Table.Th className={classes.select}>
      <Checkbox
        size="xs"
        aria-label={`Select all ${noun} shown`}
        checked={table.getIsAllRowsSelected()}
        indeterminate={table.getIsSomeRowsSelected()}
        onChange={(event) => table.toggleAllRowsSelected(event.currentTarget.checked)}
      />
    </Table.Th>
  );
}

/**
 * Column titles are buttons that sort (click again to reverse, a third time to stop); the
 * header cell says the order to assistive technology with `aria-sort`.
 */
export function DataTableHeader<Row extends RowData>({
  table,
  columnsById,
  noun,
  withActions,
}: DataTableHeaderProps<Row>) {
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <Table.Thead className={classes.head}>
      <Table.Tr>
        {headers.map((header) => {
          if (header.column.id === selectColumnId)
            return <SelectAll key={header.id} table={table} noun={noun} />;
          const column = columnsById.get(header.column.id);
          if (!column) return null;
          const sorted = header.column.getIsSorted();
          const SortIcon =
            sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
          return (
            <Table.Th
              key={header.id}
              w={column.width}
              aria-sort={
                sorted ? ariaSort[sorted] : header.column.getCanSort() ? 'none' : undefined
              }
            >
              <Group gap={2} wrap="nowrap" align="center">
                {header.column.getCanSort() ? (
                  <UnstyledButton
                    className={classes.sortButton}
                    onClick={header.column.getToggleSortingHandler()}
                    data-sorted={sorted || undefined}
                  >
                    <span>{column.header}</span>
                    <SortIcon size={14} aria-hidden className={classes.sortIcon} />
                  </UnstyledButton>
                ) : (
                  <span className={classes.headerText}>{column.header}</span>
                )}
                {column.filter && <ColumnFilter table={table} column={column} />}
              </Group>
            </Table.Th>
          );
        })}
        {withActions && <ActionsHeader />}
      </Table.Tr>
    </Table.Thead>
  );
}
