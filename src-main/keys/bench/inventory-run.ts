import { KeywardError } from '../../../src-shared/errors';
import type { CellState, ScopeCell } from '../../../src-shared/models/kms-key';
import { createCallLog } from '../../aws/call-log';
import { createClientFactory } from '../../aws/client-factory';
import { DEFAULT_NETWORK_SETTINGS } from '../../aws/network/network-settings';
import type { AwsPrincipal } from '../../aws/principal';
import { silentLogger } from '../../log/logger';
import type { OperationContext } from '../../operations/operation-context';
import { createInventoryService } from '../inventory-service';

export interface BenchProfile {
  readonly id: string;
  readonly accountId: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface InventoryRunResult {
  readonly ms: number;
  readonly cells: readonly CellState[];
  readonly rows: number;
  readonly calls: number;
  /** Throttling errors the user would see: failed cells and row parts whose error is a throttle. */
  readonly throttlingSurfaced: number;
  /** Attempts the SDK retried inside the access layer (what the user never sees). */
  readonly retriedAttempts: number;
  readonly failures: readonly string[];
}

const isThrottle = (code: string | undefined) =>
  code === 'throttled' || code === 'ThrottlingException';

/**
 * The Keys inventory exactly as the app runs it: the access layer's client factory (request
 * scheduler, call log, SDK retry) and src-main/keys' service, against `endpoint`.
 */
export async function runInventory(
  endpoint: string,
  profiles: readonly BenchProfile[],
  regions: readonly string[],
): Promise<InventoryRunResult> {
  const aws = createClientFactory({
    network: () => Promise.resolve(DEFAULT_NETWORK_SETTINGS),
    logger: silentLogger,
    // Big enough to keep every call of the run (the retries are counted from it).
    calls: createCallLog(silentLogger, 200_000),
  });
  const principals = new Map<string, AwsPrincipal>(
    profiles.map((p) => [
      p.id,
      {
        id: p.id,
        profileId: p.id,
        revision: '1',
        accountId: p.accountId,
        target: { credentials: p.credentials, endpoint },
      },
    ]),
  );
  const inventory = createInventoryService({
    aws,
    principal: (id) => {
      const found = principals.get(id);
      return found ? Promise.resolve(found) : Promise.reject(new KeywardError('not-found', id));
    },
    profileName: (id) => Promise.resolve(id),
    scope: { get: () => Promise.resolve({ cells: [], isDefault: true }) },
  });
  const scope: ScopeCell[] = profiles.flatMap((p) =>
    regions.map((region) => ({ profileId: p.id, region })),
  );
  const ctx: OperationContext = {
    correlationId: 'bench',
    logger: silentLogger,
    signal: new AbortController().signal,
    progress: () => undefined,
  };
  const started = performance.now();
  const result = await inventory.run({ scope, mode: 'full', keys: null }, ctx);
  const ms = performance.now() - started;
  const { rows } = await inventory.cached(scope);
  aws.close();
  const failedCells = result.cells.filter((c) => c.status === 'failed');
  const throttledParts = rows.flatMap((r) => r.fetchErrors).filter((e) => isThrottle(e.code));
  const logged = aws.calls.recent();
  return {
    ms,
    cells: result.cells,
    rows: rows.length,
    calls: result.calls,
    throttlingSurfaced:
      failedCells.filter((c) => isThrottle(c.error?.code)).length + throttledParts.length,
    retriedAttempts: logged.reduce((n, c) => n + Math.max(0, c.attempts - 1), 0),
    failures: [
      ...failedCells.map((c) => `${c.profileId}/${c.region}: ${c.error?.message ?? '?'}`),
      ...rows.flatMap((r) => r.fetchErrors.map((e) => `${r.keyId} ${e.call}: ${e.code}`)),
    ],
  };
}
