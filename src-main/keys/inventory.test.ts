import {
  KMSClient,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import type { CellState, KeyRow, ScopeCell } from '../../src-shared/models/kms-key';
import { keyRowSchema } from '../../src-shared/models/kms-key';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { DEMO_ACCOUNTS, useSandbox } from '../aws/testing/use-sandbox';
import { recordingContext, sandboxInventory } from './testing/inventory-kit';
import { inventoryResultSchema } from '../../src-shared/contract/keys';

// eu-west-1 answers every call with a 500: the region that fails while the others still show.
const sandbox = useSandbox({ kmsRequestQuotas: 'on', faults: 'error5xx=1,region=eu-west-1' });

const TWO_BY_TWO: ScopeCell[] = [
  { profileId: 'prod', region: 'us-east-1' },
  { profileId: 'prod', region: 'us-west-2' },
  { profileId: 'backup', region: 'us-east-1' },
  { profileId: 'backup', region: 'us-west-2' },
];

/** The key ids a plain SDK client lists in the cell: the oracle. */
async function listedKeyIds(cell: ScopeCell): Promise<string[]> {
  const kms = new KMSClient(sandbox.t.client(cell.profileId, cell.region));
  const out = await kms.send(new ListKeysCommand({ Limit: 1000 }));
  kms.destroy();
  return (out.Keys ?? []).map((key) => key.KeyId ?? '').sort();
}

const rowsOf = (rows: readonly KeyRow[], cell: ScopeCell) =>
  rows.filter((row) => row.profileId === cell.profileId && row.region === cell.region);

describe('keys inventory against the sandbox (quotas on)', () => {
  it('reads 2 profiles × 2 regions: every key with aliases, tags, policy and rotation, streamed per cell', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = sandboxInventory(sandbox, aws);
    const { ctx, partials } = recordingContext();
    const result = await inventory.run({ scope: TWO_BY_TWO, mode: 'full', keys: null }, ctx);

    expect(result.cells.map((cell) => cell.status)).toEqual(['done', 'done', 'done', 'done']);
    const { rows } = await inventory.cached(TWO_BY_TWO);
    for (const cell of TWO_BY_TWO) {
      expect(
        rowsOf(rows, cell)
          .map((row) => row.keyId)
          .sort(),
      ).toEqual(await listedKeyIds(cell));
    }
    expect(result.rowCount).toBe(rows.length);
    for (const row of rows) expect(keyRowSchema.safeParse(row).success).toBe(true);

    const appData = rows.find((row) => row.keyId === '1a2b3c4d-0001-4aaa-8bbb-111111110001');
    expect(appData).toMatchObject({
      accountId: DEMO_ACCOUNTS.prod,
      aliases: ['alias/app-data'],
      type: 'symmetric',
      manager: 'customer',
      state: 'Enabled',
      tags: { Team: 'platform', Environment: 'prod', DataClass: 'confidential' },
      rotation: { mode: 'automatic', enabled: true, periodDays: 365 },
      fetchErrors: [],
    });
    expect(appData?.rotation.nextRotationDate).not.toBeNull();
    expect(JSON.parse(appData?.policy ?? '{}')).toHaveProperty('Statement');
    // Created 392 days ago with yearly rotation: one rotation so far, $1 + $1.
    expect(appData?.estimatedMonthlyCostUsd).toBe(2);

    const byAlias = (alias: string) => rows.find((row) => row.aliases.includes(alias));
    expect(byAlias('alias/code-signing')).toMatchObject({
      type: 'rsa',
      rotation: { mode: 'manual-only', enabled: false },
    });
    expect(byAlias('alias/webhook-signing')).toMatchObject({
      type: 'hmac',
      usage: 'GENERATE_VERIFY_MAC',
    });
    expect(byAlias('alias/byok-import')).toMatchObject({
      origin: 'EXTERNAL',
      rotation: { mode: 'on-demand-only' },
    });
    expect(byAlias('alias/old-reporting')).toMatchObject({
      state: 'PendingDeletion',
      estimatedMonthlyCostUsd: 0,
    });
    expect(byAlias('alias/global-orders')?.multiRegion).toMatchObject({
      role: 'primary',
      primaryRegion: 'us-east-1',
    });

    // Partial rows came per cell, each cell pending → loading → done, rows before its `done`.
    for (const cell of TWO_BY_TWO) {
      const mine = partials.filter(
        (p) => p.cell.profileId === cell.profileId && p.cell.region === cell.region,
      );
      expect(mine.map((p) => p.cell.status)[0]).toBe('pending');
      expect(mine.at(-1)?.cell.status).toBe('done');
      expect(mine.at(-1)?.keyIds?.sort()).toEqual(await listedKeyIds(cell));
      const streamed = mine.flatMap((p) => p.rows.map((row) => row.keyId));
      expect(new Set(streamed).size).toBe(rowsOf(rows, cell).length);
    }
    // Every call succeeded: nothing AWS refuses was asked, nothing was throttled.
    expect(aws.calls.recent().filter((c) => c.outcome !== 'ok')).toEqual([]);
    expect(result.calls).toBe(aws.calls.recent().length);
  });

  it('labels AWS managed keys and asks them nothing AWS refuses', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = sandboxInventory(sandbox, aws);
    const cell = { profileId: 'prod', region: 'us-east-1' };
    await inventory.run({ scope: [cell], mode: 'full', keys: null }, recordingContext().ctx);
    const { rows } = await inventory.cached([cell]);
    const ebs = rows.find((row) => row.aliases.includes('alias/aws/ebs'));
    expect(ebs).toMatchObject({
      manager: 'aws',
      rotation: { mode: 'aws-managed', enabled: true, periodDays: 365 },
      estimatedMonthlyCostUsd: 0,
      fetchErrors: [],
    });
    const rotationCalls = aws.calls.recent().filter((c) => c.operation === 'GetKeyRotationStatus');
    const customerSymmetric = rows.filter(
      (r) => r.rotation.mode === 'automatic' && r.state !== 'PendingImport',
    );
    expect(rotationCalls).toHaveLength(customerSymmetric.length);
    expect(aws.calls.recent().every((c) => c.outcome === 'ok')).toBe(true);
  });

  it('shows a region that fails as failed, with its error, while the other cells arrive', async () => {
    const aws = testClientFactory({ maxAttempts: 2 });
    const inventory = sandboxInventory(sandbox, aws);
    const scope = [
      ...TWO_BY_TWO,
      { profileId: 'prod', region: 'eu-west-1' },
      { profileId: 'nobody', region: 'us-east-1' },
    ];
    const { ctx } = recordingContext();
    const result = await inventory.run({ scope, mode: 'full', keys: null }, ctx);
    const status = (profileId: string, region: string): CellState | undefined =>
      result.cells.find((c) => c.profileId === profileId && c.region === region);
    expect(status('prod', 'eu-west-1')).toMatchObject({
      status: 'failed',
      error: { code: 'unavailable' },
    });
    expect(status('nobody', 'us-east-1')?.status).toBe('failed');
    expect(result.cells.filter((c) => c.status === 'done')).toHaveLength(4);
    const { rows } = await inventory.cached(scope);
    expect(rows.some((row) => row.region === 'eu-west-1')).toBe(false);
    expect(rowsOf(rows, TWO_BY_TWO[0] as ScopeCell).length).toBeGreaterThan(5);
  });

  it('refreshes incrementally and one key at a time, reusing unchanged rows', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = sandboxInventory(sandbox, aws);
    const cell = { profileId: 'backup', region: 'us-east-1' };
    await inventory.run({ scope: [cell], mode: 'full', keys: null }, recordingContext().ctx);
    const before = (await inventory.cached([cell])).rows;
    const target = before[0] as KeyRow;

    const kms = new KMSClient(sandbox.t.client('backup', 'us-east-1'));
    await kms.send(
      new TagResourceCommand({
        KeyId: target.keyId,
        Tags: [{ TagKey: 'Refreshed', TagValue: 'yes' }],
      }),
    );

    // Incremental: DescribeKey shows no change, so the row (and its tags) is reused.
    const callsBefore = aws.calls.recent().length;
    await inventory.run({ scope: [cell], mode: 'incremental', keys: null }, recordingContext().ctx);
    const made = aws.calls
      .recent()
      .slice(callsBefore)
      .map((c) => c.operation);
    expect(made.filter((op) => op === 'GetKeyPolicy')).toEqual([]);
    expect(
      (await inventory.cached([cell])).rows.find((r) => r.keyId === target.keyId)?.tags,
    ).not.toHaveProperty('Refreshed');

    // One key: read again in full; what it reports passes the contract (the page gets it).
    const one = await inventory.run(
      { scope: null, mode: 'full', keys: [{ ...cell, keyId: target.keyId }] },
      recordingContext().ctx,
    );
    expect(inventoryResultSchema.safeParse(one).error).toBeUndefined();
    expect(
      (await inventory.cached([cell])).rows.find((r) => r.keyId === target.keyId)?.tags,
    ).toHaveProperty('Refreshed', 'yes');

    // A state change shows in DescribeKey: incremental reads that key again.
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: target.keyId, PendingWindowInDays: 7 }));
    kms.destroy();
    await inventory.run({ scope: [cell], mode: 'incremental', keys: null }, recordingContext().ctx);
    const after = (await inventory.cached([cell])).rows.find((r) => r.keyId === target.keyId);
    expect(after).toMatchObject({ state: 'PendingDeletion', estimatedMonthlyCostUsd: 0 });
    expect(after?.deletionDate).not.toBeNull();
  });

  it('stays consistent with 40 refreshes in parallel while a full inventory runs, none throttled', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = sandboxInventory(sandbox, aws);
    const cell = { profileId: 'prod', region: 'us-east-1' };
    await inventory.run({ scope: [cell], mode: 'full', keys: null }, recordingContext().ctx);
    const first = (await inventory.cached([cell])).rows;
    const refs = Array.from({ length: 40 }, (_, i) => ({
      ...cell,
      keyId: (first[i % first.length] as KeyRow).keyId,
    }));
    const results = await Promise.all([
      inventory.run({ scope: TWO_BY_TWO, mode: 'full', keys: null }, recordingContext().ctx),
      ...refs.map((ref) =>
        inventory.run({ scope: null, mode: 'full', keys: [ref] }, recordingContext().ctx),
      ),
    ]);
    expect(
      results.flatMap((r) => r.cells).every((c) => c.status === 'done' && c.error === null),
    ).toBe(true);
    const after = (await inventory.cached([cell])).rows;
    expect(after.map((r) => r.keyId).sort()).toEqual(first.map((r) => r.keyId).sort());
    expect(aws.calls.recent().filter((c) => c.outcome !== 'ok')).toEqual([]);
  });
  it('stops when cancelled: the run rejects and no call goes out afterwards', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = sandboxInventory(sandbox, aws);
    const controller = new AbortController();
    const { ctx } = recordingContext(controller.signal);
    const run = inventory.run(
      { scope: TWO_BY_TWO, mode: 'full', keys: null },
      {
        ...ctx,
        progress: (...args) => {
          ctx.progress(...args);
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const made = aws.calls.recent().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(aws.calls.recent().length).toBe(made);
    const keys = (await Promise.all(TWO_BY_TWO.map(listedKeyIds))).flat().length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(keys * 3);
  });
});
