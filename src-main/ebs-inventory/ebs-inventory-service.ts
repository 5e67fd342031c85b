import { setMaxListeners } from 'node:events';
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import type { z } from 'zod';
import type { ebsInventoryInputSchema } from '../../src-shared/contract/ebs-inventory';
import { KeywardError } from '../../src-shared/errors';
import type { CellState, ScopeCell } from '../../src-shared/models/kms-key';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import { countingClient } from '../keys/counting-client';
import { uniqueCells, type ScopeStore } from '../keys/scope-store';
import type { OperationContext } from '../operations/operation-context';
import { toSerializedError } from '../operations/to-serialized-error';
import type { CellPlace } from './cell-place';
import type { ResolvedKeys } from './key-resolver';

type InventoryInput = z.output<typeof ebsInventoryInputSchema>;

/** Rows per progress event: a cell of 20,000 snapshots arrives in 40 steps. */
const BATCH_ROWS = 500;

export interface EbsPartial<Row> {
  readonly cell: CellState;
  readonly rows: Row[];
  readonly ids: string[] | null;
}

export interface EbsInventoryResult {
  readonly cells: CellState[];
  readonly rowCount: number;
  readonly durationMs: number;
  readonly calls: number;
}

export interface EbsInventory<Row> {
  run(input: InventoryInput, ctx: OperationContext): Promise<EbsInventoryResult>;
  cached(cells: readonly ScopeCell[] | null): Promise<{ cells: CellState[]; rows: Row[] }>;
}

export interface EbsInventoryDeps {
  readonly aws: ClientFactory;
  readonly principal: (profileId: string) => Promise<AwsPrincipal>;
  readonly profileName: (profileId: string) => Promise<string>;
  /** The Keys page's scope: one scope for the three inventories. */
  readonly scope: Pick<ScopeStore, 'get'>;
}

/** What differs between the snapshot and the AMI inventory. */
export interface EbsKind<Row> {
  /** "snapshots" / "AMIs", for progress titles. */
  readonly plural: string;
  readonly callName: string;
  /** The snapshot or AMI id: unique within a cell. */
  readonly idOf: (row: Row) => string;
  readonly read: (read: {
    ec2: EC2Client;
    kms: KMSClient;
    place: CellPlace;
    signal: AbortSignal | undefined;
    keys: ResolvedKeys;
  }) => Promise<{ rows: Row[]; keys: ResolvedKeys }>;
}

interface CellMemory<Row> {
  state: CellState;
  rows: Map<string, Row>;
  keys: ResolvedKeys;
}

const cellKey = (cell: ScopeCell) => `${cell.profileId}|${cell.region}`;

/**
 * An EC2 inventory over the scope, modelled on the Keys inventory: every (profile, region) at
 * once (the scheduler keeps each within EC2's and KMS's quotas), each cell streaming its state
 * and rows and ending `done` or `failed` on its own, the last rows remembered for `list`.
 */
export function createEbsInventory<Row>(
  deps: EbsInventoryDeps,
  kind: EbsKind<Row>,
): EbsInventory<Row> {
  const memory = new Map<string, CellMemory<Row>>();

  async function cellsOf(input: InventoryInput): Promise<ScopeCell[]> {
    const cells = input.scope ?? (await deps.scope.get()).cells;
    if (cells.length === 0) {
      throw new KeywardError('validation', 'There is nothing to list: no profile is active.', {
        hint: 'Choose a profile in the header, or profiles and regions in the scope picker.',
      });
    }
    return uniqueCells(cells);
  }

  function remember(
    state: CellState,
    rows: readonly Row[],
    ids: string[] | null,
    keys?: ResolvedKeys,
  ) {
    const known = memory.get(cellKey(state)) ?? {
      state,
      rows: new Map<string, Row>(),
      keys: new Map(),
    };
    known.state = state;
    for (const row of rows) known.rows.set(kind.idOf(row), row);
    if (ids) {
      const keep = new Set(ids);
      for (const id of known.rows.keys()) if (!keep.has(id)) known.rows.delete(id);
    }
    if (keys) known.keys = keys;
    memory.set(cellKey(state), known);
  }

  async function runCell(
    cell: ScopeCell,
    input: InventoryInput,
    ctx: OperationContext,
    counter: { calls: number },
    report: (partial: EbsPartial<Row>) => void,
  ): Promise<CellState> {
    const known = memory.get(cellKey(cell));
    let state: CellState = {
      ...cell,
      profileName: cell.profileId,
      status: 'loading',
      keysListed: 0,
      keysLoaded: 0,
      error: null,
      loadedAt: known?.state.loadedAt ?? null,
    };
    const publish = (next: CellState, rows: Row[], ids: string[] | null, keys?: ResolvedKeys) => {
      state = next;
      remember(next, rows, ids, keys);
      report({ cell: next, rows, ids });
    };
    try {
      state = { ...state, profileName: await deps.profileName(cell.profileId) };
      publish(state, [], null);
      const principal = await deps.principal(cell.profileId);
      const ec2 = countingClient(await deps.aws.client(EC2Client, principal, cell.region), counter);
      const kms = countingClient(await deps.aws.client(KMSClient, principal, cell.region), counter);
      const place = {
        ...cell,
        profileName: state.profileName,
        accountId: principal.accountId ?? '',
      };
      const keys = input.mode === 'incremental' ? (known?.keys ?? new Map()) : new Map();
      const read = await kind.read({ ec2, kms, place, signal: ctx.signal, keys });
      const listed = read.rows.length;
      for (let start = 0; start < listed; start += BATCH_ROWS) {
        const batch = read.rows.slice(start, start + BATCH_ROWS);
        publish({ ...state, keysListed: listed, keysLoaded: start + batch.length }, batch, null);
      }
      publish(
        {
          ...state,
          status: 'done',
          keysListed: listed,
          keysLoaded: listed,
          loadedAt: new Date().toISOString(),
        },
        [],
        read.rows.map(kind.idOf),
        read.keys,
      );
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      publish(
        { ...state, status: 'failed', error: toSerializedError(error, ctx.logger, kind.callName) },
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
      const report = (partial: EbsPartial<Row>) => {
        if (partial.cell.status === 'done' || partial.cell.status === 'failed') finished += 1;
        ctx.progress(
          0,
          1,
          `Reading ${kind.plural}: ${finished} of ${cells.length} profile-region(s) done`,
          finished / cells.length,
          undefined,
          partial,
        );
      };
      setMaxListeners(0, ctx.signal);
      const states = await Promise.all(
        cells.map((cell) => runCell(cell, input, ctx, counter, report)),
      );
      return {
        cells: states,
        rowCount: cells.reduce((sum, cell) => sum + (memory.get(cellKey(cell))?.rows.size ?? 0), 0),
        durationMs: Math.round(performance.now() - started),
        calls: counter.calls,
      };
    },

    async cached(cells) {
      const chosen = uniqueCells(cells ?? (await deps.scope.get()).cells);
      const known = chosen.flatMap((cell) => {
        const entry = memory.get(cellKey(cell));
        return entry ? [entry] : [];
      });
      return {
        cells: known.map((entry) => entry.state),
        rows: known.flatMap((entry) => [...entry.rows.values()]),
      };
    },
  };
}
