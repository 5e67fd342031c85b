import type { InventoryPartial } from '../../../../src-shared/contract/keys';
import type { CellState, KeyRow, ScopeCell } from '../../../../src-shared/models/kms-key';

export const cellKey = (cell: ScopeCell): string => `${cell.profileId}|${cell.region}`;
export const rowKey = (row: Pick<KeyRow, 'profileId' | 'region' | 'keyId'>): string =>
  `${row.profileId}|${row.region}|${row.keyId}`;

/** What the page knows of the scope: each cell's state and every row so far. */
export interface InventoryState {
  readonly cells: ReadonlyMap<string, CellState>;
  readonly rows: ReadonlyMap<string, KeyRow>;
}

export const emptyInventory: InventoryState = { cells: new Map(), rows: new Map() };

/** The rows and cells `keys.list` remembered, as a fresh state. */
export function fromList(cells: readonly CellState[], rows: readonly KeyRow[]): InventoryState {
  return {
    cells: new Map(cells.map((cell) => [cellKey(cell), cell])),
    rows: new Map(rows.map((row) => [rowKey(row), row])),
  };
}

/**
 * One streamed batch: the cell's new state, its rows upserted, and — once the cell is done — the
 * rows of keys it no longer has dropped. Rows of other cells are never touched.
 */
export function applyPartial(state: InventoryState, partial: InventoryPartial): InventoryState {
  const cells = new Map(state.cells);
  cells.set(cellKey(partial.cell), partial.cell);
  const rows = new Map(state.rows);
  for (const row of partial.rows) rows.set(rowKey(row), row);
  if (partial.keyIds) {
    const kept = new Set(partial.keyIds);
    const prefix = `${cellKey(partial.cell)}|`;
    for (const [key, row] of rows) {
      if (key.startsWith(prefix) && !kept.has(row.keyId)) rows.delete(key);
    }
  }
  return { cells, rows };
}

/** Only the cells of `scope`, in its order; cells not started yet show as pending. */
export function cellsInScope(
  state: InventoryState,
  scope: readonly ScopeCell[],
  profileName: (id: string) => string,
): CellState[] {
  return scope.map(
    (cell) =>
      state.cells.get(cellKey(cell)) ?? {
        ...cell,
        profileName: profileName(cell.profileId),
        status: 'pending',
        keysListed: 0,
        keysLoaded: 0,
        error: null,
        loadedAt: null,
      },
  );
}
