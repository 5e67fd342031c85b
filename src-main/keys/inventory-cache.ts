import type { CellState, KeyRow, ScopeCell } from '../../src-shared/models/kms-key';

/** A row with what its DescribeKey looked like when it was read. */
export interface CachedKey {
  readonly row: KeyRow;
  readonly fingerprint: string;
}

interface CachedCell {
  state: CellState;
  keys: Map<string, CachedKey>;
}

export const cellKey = (cell: ScopeCell) => `${cell.profileId}|${cell.region}`;

/** The last inventory's rows and cell states in memory, per (profile, region). */
export class InventoryCache {
  private readonly cells = new Map<string, CachedCell>();

  state(cell: ScopeCell): CellState | undefined {
    return this.cells.get(cellKey(cell))?.state;
  }

  keys(cell: ScopeCell): ReadonlyMap<string, CachedKey> {
    return this.cells.get(cellKey(cell))?.keys ?? new Map();
  }

  setState(state: CellState): void {
    const found = this.cells.get(cellKey(state));
    if (found) found.state = state;
    else this.cells.set(cellKey(state), { state, keys: new Map() });
  }

  /** Adds or replaces rows; with `keyIds`, rows of other keys of the cell are dropped. */
  put(cell: ScopeCell, entries: readonly CachedKey[], keyIds: readonly string[] | null): void {
    const found = this.cells.get(cellKey(cell));
    if (!found) return;
    for (const entry of entries) found.keys.set(entry.row.keyId, entry);
    if (keyIds) {
      const keep = new Set(keyIds);
      for (const id of found.keys.keys()) if (!keep.has(id)) found.keys.delete(id);
    }
  }
}
