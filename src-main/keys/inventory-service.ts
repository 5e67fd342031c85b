import { setMaxListeners } from 'node:events';
import { KMSClient } from '@aws-sdk/client-kms';
import type { z } from 'zod';
import type { InventoryPartial, inventoryInputSchema } from '../../src-shared/contract/keys';
import { KeywardError } from '../../src-shared/errors';
import type { CellState, KeyRef, KeyRow, ScopeCell } from '../../src-shared/models/kms-key';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import type { OperationContext } from '../operations/operation-context';
import { toSerializedError } from '../operations/to-serialized-error';
import { fetchError } from './calls';
import { countingClient } from './counting-client';
import { cellKey, InventoryCache, type CachedKey } from './inventory-cache';
import { readCell, readCellKeys, type Unreadable } from './read-cell';
import { uniqueCells, type ScopeStore } from './scope-store';

type InventoryInput = z.output<typeof inventoryInputSchema>;

export interface InventoryResult {
  readonly cells: CellState[];
  readonly rowCount: number;
  readonly durationMs: number;
  readonly calls: number;
}

export interface InventoryService {
  run(input: InventoryInput, ctx: OperationContext): Promise<InventoryResult>;
  cached(cells: readonly ScopeCell[] | null): Promise<{ cells: CellState[]; rows: KeyRow[] }>;
}

export interface InventoryDeps {
  readonly aws: ClientFactory;
  /** Who calls as the profile (the profile service's credential resolver). */
  readonly principal: (profileId: string) => Promise<AwsPrincipal>;
  readonly profileName: (profileId: string) => Promise<string>;
  readonly scope: Pick<ScopeStore, 'get'>;
}

function unreadableError(unreadable: readonly Unreadable[]) {
  if (unreadable.length === 0) return null;
  const first = fetchError('DescribeKey', unreadable[0]?.error);
  return {
    code: 'access-denied' as const,
    message: `${unreadable.length} key(s) could not be described (${first.code}: ${first.message}); the others are shown.`,
    hint: 'Their key policies may not allow this profile kms:DescribeKey.',
    retryable: false,
  };
}

/**
 * The Keys inventory: every key of every (profile, region) of the scope, all cells at once —
 * the access layer's scheduler keeps each account and Region within its quotas and takes them
 * in turn. Each cell streams its rows as they arrive and ends `done` or `failed` on its own.
 */
export function createInventoryService(deps: InventoryDeps): InventoryService {
  const cache = new InventoryCache();

  async function cellsOf(input: InventoryInput): Promise<ScopeCell[]> {
    // The cells of the keys, without the key ids: a cell's state must carry no more than a cell.
    if (input.keys)
      return uniqueCells(input.keys.map(({ profileId, region }) => ({ profileId, region })));
    const cells = input.scope ?? (await deps.scope.get()).cells;
    if (cells.length === 0) {
      throw new KeywardError('validation', 'There is nothing to list: no profile is active.', {
        hint: 'Choose a profile in the header, or profiles and regions in the scope picker.',
      });
    }
    return uniqueCells(cells);
  }

  async function runCell(
    cell: ScopeCell,
    input: InventoryInput,
    ctx: OperationContext,
    counter: { calls: number },
    report: (partial: InventoryPartial) => void,
  ): Promise<CellState> {
    let profileName = cell.profileId;
    const keysOnly = input.keys !== null;
    const known = cache.state(cell);
    // Refreshing some keys keeps the cell's counts; a read of the whole cell starts them again.
    const base = (): CellState => ({
      ...cell,
      profileName,
      status: 'loading',
      keysListed: keysOnly ? (known?.keysListed ?? 0) : 0,
      keysLoaded: keysOnly ? (known?.keysLoaded ?? 0) : 0,
      error: null,
      loadedAt: known?.loadedAt ?? null,
    });
    let state = base();
    const publish = (next: CellState, rows: readonly CachedKey[], keyIds: string[] | null) => {
      state = next;
      cache.setState(next);
      cache.put(cell, rows, keyIds);
      report({ cell: next, rows: rows.map((entry) => entry.row), keyIds });
    };
    try {
      profileName = await deps.profileName(cell.profileId);
      publish(base(), [], null);
      const principal = await deps.principal(cell.profileId);
      const kms = countingClient(await deps.aws.client(KMSClient, principal, cell.region), counter);
      const place = { profileId: cell.profileId, profileName, region: cell.region };
      let loaded = 0;
      const onRows = (rows: readonly CachedKey[], listed: number) => {
        loaded += rows.length;
        publish(
          keysOnly ? state : { ...state, keysListed: listed, keysLoaded: loaded },
          rows,
          null,
        );
      };
      const read = { kms, place, signal: ctx.signal, onRows };
      const only = input.keys?.filter((key: KeyRef) => cellKey(key) === cellKey(cell));
      if (only) {
        const { unreadable } = await readCellKeys(
          { ...read, previous: null },
          only.map((key) => key.keyId),
        );
        publish({ ...state, status: 'done', error: unreadableError(unreadable) }, [], null);
      } else {
        const previous = input.mode === 'incremental' ? cache.keys(cell) : null;
        const { keyIds, unreadable } = await readCell({ ...read, previous });
        publish(
          {
            ...state,
            status: 'done',
            keysListed: keyIds.length + unreadable.length,
            keysLoaded: keyIds.length,
            error: unreadableError(unreadable),
            loadedAt: new Date().toISOString(),
          },
          [],
          keyIds,
        );
      }
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      publish(
        {
          ...state,
          status: 'failed',
          error: toSerializedError(error, ctx.logger, 'keys.inventory'),
        },
        [],
        null,
      );
    }
    return state;
  }

  return {
    async run(input, ctx) {
      const started = performance.now();
      const cells = await cellsOf(input);
      const counter = { calls: 0 };
      let finished = 0;
      const report = (partial: InventoryPartial) => {
        if (partial.cell.status === 'done' || partial.cell.status === 'failed') finished += 1;
        ctx.progress(
          0,
          1,
          `Reading keys: ${finished} of ${cells.length} profile-region(s) done`,
          finished / cells.length,
          undefined,
          partial,
        );
      };
      // Several operations may read the same cell at once (the page refreshing one key while a
      // full read runs); the cache takes rows from each, the last `done` sets the key list.
      setMaxListeners(0, ctx.signal);
      for (const cell of input.keys ? [] : cells) {
        const pending: CellState = {
          ...cell,
          profileName: await deps.profileName(cell.profileId).catch(() => cell.profileId),
          status: 'pending',
          keysListed: 0,
          keysLoaded: 0,
          error: null,
          loadedAt: cache.state(cell)?.loadedAt ?? null,
        };
        cache.setState(pending);
        report({ cell: pending, rows: [], keyIds: null });
      }
      const states = await Promise.all(
        cells.map((cell) => runCell(cell, input, ctx, counter, report)),
      );
      const rowCount = cells.reduce((sum, cell) => sum + cache.keys(cell).size, 0);
      return {
        cells: states,
        rowCount,
        durationMs: Math.round(performance.now() - started),
        calls: counter.calls,
      };
    },

    async cached(cells) {
      const chosen = uniqueCells(cells ?? (await deps.scope.get()).cells);
      return {
        cells: chosen.flatMap((cell) => {
          const state = cache.state(cell);
          return state ? [state] : [];
        }),
        rows: chosen.flatMap((cell) => [...cache.keys(cell).values()].map((entry) => entry.row)),
      };
    },
  };
}
