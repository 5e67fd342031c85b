import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyRef, ScopeCell } from '../../../../src-shared/models/kms-key';
import { useApi } from '../../api/api-context';
import { useOperation } from '../../api/use-operation';
import {
  applyInventoryPartial,
  emptyInventoryView,
  type InventoryView,
} from '../../../../src-shared/models/inventory-view';
import { fromList } from './inventory-state';

/**
 * The Keys inventory of a scope: what main remembers (`keys.list`) at once, then a
 * `keys.inventory` run whose streamed batches land as they come. Starting again (refresh, retry
 * of failed cells) keeps every row until its cell says otherwise.
 */
export function useInventory(scope: readonly ScopeCell[] | undefined) {
  const api = useApi();
  const [state, setState] = useState<InventoryView>(emptyInventoryView);
  const operation = useOperation('keys.inventory', {
    onPartial: (partial) => setState((old) => applyInventoryPartial(old, partial)),
  });
  // Refreshing some keys (after a change to them) runs beside the scope's read, into the same rows.
  const keyRefresh = useOperation('keys.inventory', {
    onPartial: (partial) => setState((old) => applyInventoryPartial(old, partial)),
  });
  const { start: startOperation, cancel } = operation;
  const { start: startKeyRefresh } = keyRefresh;
  const running = useRef(false);
  useEffect(() => {
    running.current = operation.state.status === 'running';
  });

  const start = useCallback(
    async (cells: readonly ScopeCell[], mode: 'full' | 'incremental') => {
      if (cells.length === 0) return;
      // A new scope or a refresh supersedes the run in flight: stop it rather than let it finish
      // reading places nobody looks at (one that has just ended cannot be cancelled: no matter).
      if (running.current) void cancel().catch(() => undefined);
      await startOperation({ scope: [...cells], mode });
    },
    [startOperation, cancel],
  );

  /** Reads these keys again (full details); every other row stays as it is. */
  const refreshKeys = useCallback(
    async (keys: readonly KeyRef[]) => {
      if (keys.length === 0) return;
      // One run takes 500 keys (the contract's cap); more than that is rare, and Refresh brings the rest.
      await startKeyRefresh({
        keys: keys
          .slice(0, 500)
          .map(({ profileId, region, keyId }) => ({ profileId, region, keyId })),
        mode: 'full',
      });
    },
    [startKeyRefresh],
  );

  const scopeKey = JSON.stringify(scope ?? null);
  useEffect(() => {
    if (!scope || scope.length === 0) return;
    let cancelled = false;
    void (async () => {
      try {
        const remembered = await api.keys.list({ scope: [...scope] });
        if (cancelled) return;
        setState(fromList(remembered.cells, remembered.rows));
        void start(scope, remembered.rows.length > 0 ? 'incremental' : 'full');
      } catch {
        if (!cancelled) void start(scope, 'full');
      }
    })();
    return () => {
      cancelled = true;
    };
    // `scopeKey` names the scope's content; a new array of the same cells is the same scope.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopeKey]);

  return { state, run: operation.state, start, refreshKeys };
}
