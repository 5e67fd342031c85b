import type { ReactNode } from 'react';

/** What a column holds, as sorting, filtering, search and export see it. */
export type CellValue = string | number | null;

/** One column of a `DataTable`. The page says what a row shows; the table does the rest. */
export interface DataColumn<Row> {
  /** Stable: saved views and the column chooser remember columns by it. */
  readonly id: string;
  readonly header: string;
  /** The plain value used to sort, filter, search and export (null: nothing to show). */
  readonly value: (row: Row) => CellValue;
  /** How the cell looks; the value as text when absent. */
  readonly cell?: (row: Row) => ReactNode;
  /** Export text when it differs from `value` (e.g. every tag, not only the count). */
  readonly exportValue?: (row: Row) => string;
  /**
   * `select`: a choice among the values present (state, region, type); `text`: contains;
   * absent: no per-column filter.
   */
  readonly filter?: 'select' | 'text';
  /** Shown as the column's label in a select filter (e.g. "us-east-1" stays as it is). */
  readonly filterLabel?: (value: string) => string;
  /** Width in px: the table lays its columns out at fixed widths so scrolling never shifts them. */
  readonly width: number;
  readonly sortable?: boolean;
  /** False: always shown (the column chooser leaves it out). */
  readonly hideable?: boolean;
  /** Hidden until the user shows it with the column chooser. */
  readonly hiddenByDefault?: boolean;
}

/** The sort, filters, columns and search a user can name and come back to. */
export interface TableView {
  readonly sorting: readonly { readonly id: string; readonly desc: boolean }[];
  readonly filters: readonly { readonly id: string; readonly value: string | readonly string[] }[];
  /** Column id → shown; an absent column keeps its default. */
  readonly columns: Readonly<Record<string, boolean>>;
  readonly search: string;
}

export interface SavedView extends TableView {
  readonly name: string;
}

/**
 * Where a table keeps its saved views: main's data dir for the app (`main-view-store.ts`), memory
 * for tests. Each change answers the views as they are now.
 */
export interface ViewStore {
  list(): Promise<readonly SavedView[]>;
  /** Adds the view, or replaces the one of the same name. */
  save(view: SavedView): Promise<readonly SavedView[]>;
  remove(name: string): Promise<readonly SavedView[]>;
}

/** What a page can ask of its table from outside it, e.g. from the command palette. */
export interface DataTableHandle {
  exportCsv(): void;
  exportJson(): void;
}

/** "key" / "keys": how the row count and the exports name the rows. */
export interface RowNoun {
  readonly one: string;
  readonly many: string;
}
