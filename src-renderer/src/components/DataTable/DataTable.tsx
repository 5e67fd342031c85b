import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import {
  useCallback,
  useImperativeHandle,
  useMemo,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import { ActiveFilters } from './ActiveFilters';
import { ColumnChooser } from './ColumnChooser';
import type { DataColumn, DataTableHandle, RowNoun, ViewStore } from './data-table-types';
import { DataTableBody } from './DataTableBody';
import { DataTableHeader } from './DataTableHeader';
import { DataTableToolbar } from './DataTableToolbar';
import { ExportMenu } from './ExportMenu';
import { downloadText, exportFileName, toCsv, toJson } from './export-rows';
import { SavedViewsMenu } from './SavedViewsMenu';
import { TableCard } from './TableCard';
import { selectColumnId, useDataTable } from './use-data-table';

export interface DataTableProps<Row extends RowData> {
  /** Names the table for assistive technology. */
  readonly 'aria-label': string;
  readonly rows: readonly Row[];
  readonly columns: readonly DataColumn<Row>[];
  /** Stable across refreshes: selection, focus and measured heights follow it. */
  readonly getRowId: (row: Row) => string;
  /** How a row is named in its checkbox's label ("Select alias/app-data"); its id if absent. */
  readonly rowLabel?: (row: Row) => string;
  readonly noun: RowNoun;
  readonly initialSorting?: readonly { readonly id: string; readonly desc: boolean }[];
  /** Where saved views are kept; without one there is no Views menu. */
  readonly viewStore?: ViewStore;
  /** Exported file names start with it ("keys-2026-12-03.csv"); the plural noun if absent. */
  readonly exportName?: string;
  /** A row's buttons, in the sticky actions column. */
  readonly rowActions?: (row: Row) => ReactNode;
  /** Width (px) of the actions column: enough for a row's buttons on one line. */
  readonly actionsWidth?: number;
  /** Enter on the focused row, or a double click. */
  readonly onRowOpen?: (row: Row) => void;
  /** The rows now rendered (in view plus a few either side), e.g. to fetch details lazily. */
  readonly onVisibleRowsChange?: (rows: readonly Row[]) => void;
  /** With it, rows get checkboxes; shown while some are selected. */
  readonly bulkActions?: (selected: readonly Row[], clear: () => void) => ReactNode;
  /** Progress, partial results, failures: shown between the toolbar and the table. */
  readonly status?: ReactNode;
  /** More rows are coming: an empty table says "Loading" instead of "no rows". */
  readonly loading?: boolean;
  /** Shown instead of the table when there are no rows at all and none are coming. */
  readonly empty?: ReactNode;
  /** A line under the table about the rows the search and filters leave (e.g. their total). */
  readonly summary?: (shown: readonly Row[]) => ReactNode;
  /** The page's own controls at the start of the toolbar. */
  readonly toolbar?: ReactNode;
  /** The table's height: its body scrolls under a sticky header. */
  readonly maxHeight?: number | string;
  readonly ref?: Ref<DataTableHandle>;
  readonly 'data-testid'?: string;
}

/**
 * The shared table for long lists (Keys; Snapshots, AMIs and Audit next): sort by header, filter
 * per column, search the columns shown, choose columns, save views, export what is shown, select
 * rows for bulk actions — and only the rows in view are rendered, so 10,000 stay smooth.
 */
export function DataTable<Row extends RowData>({
  ref,
  rows,
  columns,
  getRowId,
  noun,
  viewStore,
  bulkActions,
  loading = false,
  ...props
}: DataTableProps<Row>) {
  // A callback ref: the virtualiser needs the scroll element, which is attached after the body's
  // own effects run, and again whenever the table is mounted anew (after an empty state).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const initialSorting = useMemo(
    () => (props.initialSorting ?? []).map(({ id, desc }) => ({ id, desc })),
    // Only the first value counts, like any initial state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const { table, view, applyView, resetView } = useDataTable({
    rows,
    columns,
    getRowId,
    selectable: bulkActions !== undefined,
    initialSorting,
  });
  const columnsById = useMemo(
    () => new Map(columns.map((column) => [column.id, column])),
    [columns],
  );
  const shownRows = table.getRowModel().rows;
  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const clearSelection = useCallback(() => table.toggleAllRowsSelected(false), [table]);

  const exported = () => {
    const shownColumns = table
      .getVisibleLeafColumns()
      .filter((column) => column.id !== selectColumnId)
      .flatMap((column) => columnsById.get(column.id) ?? []);
    return { shownColumns, data: table.getRowModel().rows.map((row) => row.original) };
  };
  const base = props.exportName ?? noun.many;
  const exportCsv = () => {
    const { shownColumns, data } = exported();
    downloadText(exportFileName(base, 'csv'), toCsv(shownColumns, data), 'text/csv;charset=utf-8');
  };
  const exportJson = () => {
    const { shownColumns, data } = exported();
    downloadText(exportFileName(base, 'json'), toJson(shownColumns, data), 'application/json');
  };
  useImperativeHandle(ref, () => ({ exportCsv, exportJson }));

  if (rows.length === 0 && !loading && props.empty) {
    return (
      <Stack gap="sm" data-testid={props['data-testid']}>
        {/* The same toolbar element as with rows, so the page's controls (an open scope picker)
            keep their state when the first rows arrive. */}
        <DataTableToolbar
          bare
          noun={noun}
          search=""
          onSearch={() => undefined}
          shown={0}
          total={0}
          selected={0}
          start={props.toolbar}
          end={null}
        />
        {props.status}
        {props.empty}
      </Stack>
    );
  }

  const minWidth = table
    .getVisibleLeafColumns()
    .reduce(
      (sum, column) => sum + (columnsById.get(column.id)?.width ?? 40),
      props.rowActions ? (props.actionsWidth ?? 96) : 0,
    );
  const noMatches = loading ? (
    <Group gap="xs" py="md" justify="center">
      <Loader size="sm" />
      <Text size="sm">Loading {noun.many}…</Text>
    </Group>
  ) : (
    <Stack align="center" gap="xs" py="lg">
      <Text size="sm">No {noun.many} match the search and filters.</Text>
      <Button
        variant="light"
        size="xs"
        onClick={() => applyView({ ...view, filters: [], search: '' })}
      >
        Clear search and filters
      </Button>
    </Stack>
  );
  return (
    <Stack
      gap="sm"
      data-testid={props['data-testid']}
      style={{ '--table-actions-width': `${props.actionsWidth ?? 96}px` }}
    >
      <DataTableToolbar
        noun={noun}
        search={view.search}
        onSearch={(search) => table.setGlobalFilter(search)}
        shown={shownRows.length}
        total={rows.length}
        selected={selected.length}
        start={props.toolbar}
        end={
          <>
            {viewStore && (
              <SavedViewsMenu
                store={viewStore}
                current={view}
                onApply={applyView}
                onReset={resetView}
              />
            )}
            <ColumnChooser table={table} columns={columns} />
            <ExportMenu
              count={shownRows.length}
              noun={noun.many}
              onCsv={exportCsv}
              onJson={exportJson}
            />
          </>
        }
      />
      <ActiveFilters
        table={table}
        columnsById={columnsById}
        filters={view.filters}
        onClearAll={() => applyView({ ...view, filters: [] })}
      />
      {bulkActions && selected.length > 0 && (
        <Group gap="xs" role="group" aria-label={`Actions on the selected ${noun.many}`}>
          {bulkActions(selected, clearSelection)}
        </Group>
      )}
      {props.status}
      <TableCard
        aria-label={props['aria-label']}
        minWidth={minWidth}
        maxHeight={props.maxHeight ?? 'calc(100dvh - 300px)'}
        layout="fixed"
        viewportRef={setScrollElement}
        aria-rowcount={shownRows.length + 1}
      >
        <DataTableHeader
          table={table}
          columnsById={columnsById}
          noun={noun.many}
          withActions={props.rowActions !== undefined}
        />
        <DataTableBody
          table={table}
          columnsById={columnsById}
          scrollElement={scrollElement}
          rowLabel={props.rowLabel ?? getRowId}
          rowActions={props.rowActions}
          onRowOpen={props.onRowOpen}
          onVisibleRowsChange={props.onVisibleRowsChange}
          noMatches={noMatches}
        />
      </TableCard>
      {props.summary?.(shownRows.map((row) => row.original))}
    </Stack>
  );
}
