import type { CellState, KeyRef, KeyRow, ScopeCell } from './kms-key';

/** What the Keys page holds while `keys.inventory` streams: cell states and rows, by key. */
export interface InventoryView {
  readonly cells: ReadonlyMap<string, CellState>;
  readonly rows: ReadonlyMap<string, KeyRow>;
}

/** One partial of `keys.inventory` (contract/keys.ts `InventoryPartial`, restated to stay a model). */
export interface InventoryPartialLike {
  readonly cell: CellState;
  readonly rows: readonly KeyRow[];
  readonly keyIds: readonly string[] | null;
}

export const cellId = (cell: ScopeCell) => `${cell.profileId}|${cell.region}`;
export const rowId = (key: KeyRef) => `${key.profileId}|${key.region}|${key.keyId}`;

export const emptyInventoryView: InventoryView = { cells: new Map(), rows: new Map() };

/**
 * The view after one partial: the cell's state replaced, its rows upserted (a refreshed row
 * keeps its place in a Map's order), and — when the cell is done and names its keys — rows of
 * keys it no longer has dropped. Rows of other cells are never touched.
 */
export function applyInventoryPartial(
  view: InventoryView,
  partial: InventoryPartialLike,
): InventoryView {
  const cells = new Map(view.cells);
  cells.set(cellId(partial.cell), partial.cell);
  if (partial.rows.length === 0 && partial.keyIds === null) return { cells, rows: view.rows };
  const rows = new Map(view.rows);
  for (const row of partial.rows) rows.set(rowId(row), row);
  if (partial.keyIds !== null) {
    const keep = new Set(partial.keyIds);
    const prefix = `${cellId(partial.cell)}|`;
    for (const [id, row] of rows) {
      if (id.startsWith(prefix) && !keep.has(row.keyId)) rows.delete(id);
    }
  }
  return { cells, rows };
}
