import type { CellState, KeyRow, ScopeCell } from '../../../../src-shared/models/kms-key';
import { cellId, rowId, type InventoryView } from '../../../../src-shared/models/inventory-view';

/** The rows and cells `keys.list` remembered, as a fresh view. */
export function fromList(cells: readonly CellState[], rows: readonly KeyRow[]): InventoryView {
  return {
    cells: new Map(cells.map((cell) => [cellId(cell), cell])),
    rows: new Map(rows.map((row) => [rowId(row), row])),
  };
}

/** Only the cells of `scope`, in its order; cells not started yet show as pending. */
export function cellsInScope(
  view: InventoryView,
  scope: readonly ScopeCell[],
  profileName: (id: string) => string,
): CellState[] {
  return scope.map(
    (cell) =>
      view.cells.get(cellId(cell)) ?? {
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
