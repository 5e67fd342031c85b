import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationEvent } from '../../../../src-shared/contract';
import type { InventoryPartial } from '../../../../src-shared/contract/keys';
import type { ScopeCell } from '../../../../src-shared/models/kms-key';
import type { SerializedError } from '../../../../src-shared/errors';
import { useApi, useBridge } from '../../api/api-context';
import { call } from '../../api/client';
import { toSerialized } from '../../api/present-error';
import { applyPartial, emptyInventory, fromList, type InventoryState } from './inventory-state';

export type InventoryRun =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly durationMs: number }
  | { readonly status: 'failed'; readonly error: SerializedError };

/**
 * The Keys inventory of a scope: what main remembers (`keys.list`) at once, then a
 * `keys.inventory` run whose streamed batches land as they come. Starting again (refresh, retry
 * of failed cells) keeps every row until its cell says otherwise.
 */
export function useInventory(scope: readonly ScopeCell[] | undefined) {
  const api = useApi();
  const bridge = useBridge();
  const [state, setState] = useState<InventoryState>(emptyInventory);
  const [run, setRun] = useState<InventoryRun>({ status: 'idle' });
  const current = useRef<string | undefined>(undefined);
  const unsubscribe = useRef<(() => void) | undefined>(undefined);

  useEffect(() => () => unsubscribe.current?.(), []);

  const apply = useCallback((event: OperationEvent) => {
    if (event.type === 'progress') {
      if (event.partial) setState((old) => applyPartial(old, event.partial as InventoryPartial));
    } else if (event.type === 'done') {
      const result = event.result as { durationMs: number };
      setRun({ status: 'done', durationMs: result.durationMs });
      unsubscribe.current?.();
    } else {
      setRun({ status: 'failed', error: event.error });
      unsubscribe.current?.();
    }
  }, []);

  const start = useCallback(
    async (cells: readonly ScopeCell[], mode: 'full' | 'incremental') => {
      if (cells.length === 0) return;
      unsubscribe.current?.();
      const early: OperationEvent[] = [];
      current.current = undefined;
      // Subscribed before starting, so no batch is lost before the id is known.
      unsubscribe.current = bridge.subscribe('operation', (payload) => {
        const event = payload as OperationEvent;
        if (current.current === undefined) early.push(event);
        else if (event.operationId === current.current) apply(event);
      });
      setRun({ status: 'running' });
      try {
        const { operationId } = (await call(bridge, 'keys.inventory', {
          scope: cells,
          mode,
        })) as { operationId: string };
        current.current = operationId;
        early.filter((event) => event.operationId === operationId).forEach(apply);
      } catch (error) {
        unsubscribe.current?.();
        setRun({ status: 'failed', error: toSerialized(error) });
      }
    },
    [bridge, apply],
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

  return { state, run, start };
}
