import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellState, ScopeCell } from '../../../../src-shared/models/kms-key';
import { useOperation } from '../../api/use-operation';
import { applyEbsPartial, ebsViewOf, type EbsPartialLike, type EbsView } from './ebs-view';

interface EbsInventorySource<Row> {
  readonly operation: 'snapshots.inventory' | 'amis.inventory';
  /** What main remembers of the last read (`snapshots.list` / `amis.list`). */
  readonly list: (scope: ScopeCell[]) => Promise<{ cells: CellState[]; rows: Row[] }>;
  readonly idOf: (row: Row) => string;
}

/**
 * An EC2 inventory of a scope, as the Keys page reads its keys: what main remembers at once, then
 * a run whose batches land as they come; a new run supersedes the one in flight.
 */
export function useEbsInventory<Row extends ScopeCell>(
  scope: readonly ScopeCell[] | undefined,
  source: EbsInventorySource<Row>,
) {
  const { operation: name, list, idOf } = source;
  const [view, setView] = useState<EbsView<Row>>({ cells: new Map(), rows: new Map() });
  const operation = useOperation(name, {
    // The page pairs the operation with its row type (snapshots.inventory streams SnapshotRow,
    // amis.inventory AmiRow: contract/snapshots.ts, contract/amis.ts); TypeScript cannot follow
    // that pairing through the generic, and the rows were validated by the contract on arrival.
    onPartial: (partial) =>
      setView((old) => applyEbsPartial(old, partial as unknown as EbsPartialLike<Row>, idOf)),
  });
  const { start: startOperation, cancel } = operation;
  const running = useRef(false);
  useEffect(() => {
    running.current = operation.state.status === 'running';
  });

  const start = useCallback(
    async (cells: readonly ScopeCell[], mode: 'full' | 'incremental') => {
      if (cells.length === 0) return;
      if (running.current) void cancel().catch(() => undefined);
      await startOperation({ scope: [...cells], mode });
    },
    [startOperation, cancel],
  );

  const scopeKey = JSON.stringify(scope ?? null);
  useEffect(() => {
    if (!scope || scope.length === 0) return;
    let cancelled = false;
    void (async () => {
      try {
        const remembered = await list([...scope]);
        if (cancelled) return;
        setView(ebsViewOf(remembered.cells, remembered.rows, idOf));
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

  return { view, run: operation.state, start };
}
