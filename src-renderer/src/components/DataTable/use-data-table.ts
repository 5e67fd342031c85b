import {
  columnFacetingFeature,
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFacetedRowModel,
  createFacetedUniqueValues,
  createFilteredRowModel,
  createSortedRowModel,
  functionalUpdate,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type Row as TableRow,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import type { CellValue, DataColumn, TableView } from './data-table-types';

export const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  columnFacetingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  rowSelectionFeature,
  filteredRowModel: createFilteredRowModel(),
  facetedRowModel: createFacetedRowModel(),
  facetedUniqueValues: createFacetedUniqueValues(),
  sortedRowModel: createSortedRowModel(),
});

export type Features = typeof features;
export type DataRow<Row extends RowData> = TableRow<Features, Row>;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: CellValue | undefined, b: CellValue | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).toLowerCase();

/** Every word of the search appears somewhere in the row's visible, searchable values. */
function matchesSearch<Row extends RowData>(row: DataRow<Row>, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = row
    .getVisibleCells()
    .map((cell) => text(cell.getValue()))
    .join('\u0000');
  return words.every((word) => haystack.includes(word));
}

export const selectColumnId = '__select';

function defaultVisibility<Row>(columns: readonly DataColumn<Row>[]): ColumnVisibilityState {
  return Object.fromEntries(
    columns.filter((column) => column.hiddenByDefault).map((column) => [column.id, false]),
  );
}

/** A state slice owned here, with the setter TanStack calls (value or updater). */
function useSlice<T>(initial: T) {
  const [value, setValue] = useState<T>(initial);
  const update = useCallback(
    (updater: Updater<T>) => setValue((old) => functionalUpdate(updater, old)),
    [],
  );
  return [value, update, setValue] as const;
}

export interface UseDataTableOptions<Row extends RowData> {
  readonly rows: readonly Row[];
  readonly columns: readonly DataColumn<Row>[];
  readonly getRowId: (row: Row) => string;
  readonly selectable: boolean;
  readonly initialSorting?: SortingState;
}

/**
 * The TanStack table behind a `DataTable`: the page's columns as accessor columns, and the sort,
 * filters, column visibility, search and selection held here so a saved view can read and set
 * them all at once.
 */
export function useDataTable<Row extends RowData>({
  rows,
  columns,
  getRowId,
  selectable,
  initialSorting = [],
}: UseDataTableOptions<Row>) {
  const [sorting, setSorting, putSorting] = useSlice<SortingState>(initialSorting);
  const [columnFilters, setColumnFilters, putFilters] = useSlice<ColumnFiltersState>([]);
  const [columnVisibility, setColumnVisibility, putVisibility] = useSlice<ColumnVisibilityState>(
    defaultVisibility(columns),
  );
  const [globalFilter, setGlobalFilter, putSearch] = useSlice<string>('');
  const [rowSelection, setRowSelection] = useSlice<RowSelectionState>({});

  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<Features, Row>();
    const accessors = columns.map((column) =>
      helper.accessor((row: Row): unknown => column.value(row) ?? undefined, {
        id: column.id,
        header: column.header,
        enableSorting: column.sortable !== false,
        enableHiding: column.hideable !== false,
        enableColumnFilter: column.filter !== undefined,
        sortUndefined: 'last',
        sortDescFirst: false,
        sortFn: (a, b, id) => compareValues(a.getValue<CellValue>(id), b.getValue<CellValue>(id)),
        filterFn:
          column.filter === 'select'
            ? (row, id, wanted: readonly string[]) =>
                wanted.length === 0 || wanted.includes(String(row.getValue(id) ?? ''))
            : (row, id, wanted: string) => text(row.getValue(id)).includes(wanted.toLowerCase()),
      }),
    );
    if (!selectable) return accessors;
    return [
      helper.display({ id: selectColumnId, enableHiding: false, enableSorting: false }),
      ...accessors,
    ];
  }, [columns, selectable]);

  const data = useMemo(() => [...rows], [rows]);

  const table = useTable({
    features,
    columns: tableColumns,
    data,
    getRowId,
    state: { sorting, columnFilters, columnVisibility, globalFilter, rowSelection },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onColumnVisibilityChange: setColumnVisibility,
    onGlobalFilterChange: setGlobalFilter,
    onRowSelectionChange: setRowSelection,
    globalFilterFn: (row, _id, search: string) => matchesSearch(row, search),
    getColumnCanGlobalFilter: () => true,
    enableRowSelection: selectable,
    enableSortingRemoval: true,
  });

  const view: TableView = useMemo(
    () => ({
      sorting,
      filters: columnFilters.map(({ id, value }) => ({
        id,
        value: value as string | readonly string[],
      })),
      columns: columnVisibility,
      search: globalFilter,
    }),
    [sorting, columnFilters, columnVisibility, globalFilter],
  );

  const applyView = useCallback(
    (next: TableView) => {
      putSorting(next.sorting.map(({ id, desc }) => ({ id, desc })));
      putFilters(next.filters.map(({ id, value }) => ({ id, value })));
      putVisibility({ ...defaultVisibility(columns), ...next.columns });
      putSearch(next.search);
    },
    [columns, putSorting, putFilters, putVisibility, putSearch],
  );

  const resetView = useCallback(
    () =>
      applyView({
        sorting: initialSorting,
        filters: [],
        columns: {},
        search: '',
      }),
    [applyView, initialSorting],
  );

  return { table, view, applyView, resetView };
}

export type DataTableInstance<Row extends RowData> = ReturnType<typeof useDataTable<Row>>['table'];
