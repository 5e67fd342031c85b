import type { CellState, ScopeCell } from '../../../../src-shared/models/kms-key';

/** What an EC2 inventory page holds while it streams: cell states and rows, by row id. */
export interface EbsView<Row> {
  readonly cells: ReadonlyMap<string, CellState>;
  readonly rows: ReadonlyMap<string, Row>;
}

/** One partial of `snapshots.inventory` / `amis.inventory`. */
export interface EbsPartialLike<Row> {
  readonly cell: CellState;
  readonly rows: readonly Row[];
  /** With `done`: every snapshot or AMI id of the cell. */
  readonly ids: readonly string[] | null;
}

export const ebsCellId = (cell: ScopeCell) => `${cell.profileId}|${cell.region}`;

/** A row's place and resource id: unique across accounts and Regions. */
export const ebsRowId = (cell: ScopeCell, id: string) => `${ebsCellId(cell)}|${id}`;

export function ebsViewOf<Row extends ScopeCell>(
  cells: readonly CellState[],
  rows: readonly Row[],
  idOf: (row: Row) => string,
): EbsView<Row> {
  return {
    cells: new Map(cells.map((cell) => [ebsCellId(cell), cell])),
    rows: new Map(rows.map((row) => [ebsRowId(row, idOf(row)), row])),
  };
}

/**
 * The view after one partial: the cell's state replaced, its rows upserted, and — once the cell
 * is done and names its ids — rows it no longer has dropped. Other cells are never touched.
 */
export function applyEbsPartial<Row extends ScopeCell>(
  view: EbsView<Row>,
  partial: EbsPartialLike<Row>,
  idOf: (row: Row) => string,
): EbsView<Row> {
  const cells = new Map(view.cells);
  cells.set(ebsCellId(partial.cell), partial.cell);
  if (partial.rows.length === 0 && partial.ids === null) return { cells, rows: view.rows };
  const rows = new Map(view.rows);
  for (const row of partial.rows) rows.set(ebsRowId(row, idOf(row)), row);
  if (partial.ids !== null) {
    const keep = new Set(partial.ids.map((id) => ebsRowId(partial.cell, id)));
    const prefix = `${ebsCellId(partial.cell)}|`;
    for (const id of rows.keys()) if (id.startsWith(prefix) && !keep.has(id)) rows.delete(id);
  }
  return { cells, rows };
}
