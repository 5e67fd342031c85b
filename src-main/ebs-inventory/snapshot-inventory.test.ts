import {
  DescribeSnapshotsCommand,
  EC2Client,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { SnapshotsPartial } from '../../src-shared/contract/snapshots';
import type { ScopeCell } from '../../src-shared/models/kms-key';
import { snapshotRowSchema, type SnapshotRow } from '../../src-shared/models/snapshot';
import {
  BACKUP_SNAPSHOT_SHARED_REPORTS,
  PROD_SNAPSHOT_BUILD_CACHE,
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_LEGACY_ROOT,
} from '../../src-sandbox/seed/ec2';
import { SNAPSHOT } from '../../src-sandbox/services/ec2/model';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { DEMO_ACCOUNTS, useSandbox } from '../aws/testing/use-sandbox';
import { createSnapshotInventory } from './inventories';
import { createSharingReader } from './sharing-reader';
import { recordingContext, sandboxDeps } from './testing/ebs-kit';

// eu-west-1 answers every call with a 500: the region that fails while the others still show.
const sandbox = useSandbox({ faults: 'error5xx=1,region=eu-west-1' });

const TWO_BY_TWO: ScopeCell[] = [
  { profileId: 'prod', region: 'us-east-1' },
  { profileId: 'prod', region: 'us-west-2' },
  { profileId: 'backup', region: 'us-east-1' },
  { profileId: 'backup', region: 'us-west-2' },
];

/** What a plain SDK client lists for the cell: the oracle. */
async function ownedIds(cell: ScopeCell): Promise<string[]> {
  const ec2 = new EC2Client(sandbox.t.client(cell.profileId, cell.region));
  const out = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
  ec2.destroy();
  return (out.Snapshots ?? []).map((s) => s.SnapshotId ?? '').sort();
}

const inCell = (rows: readonly SnapshotRow[], cell: ScopeCell) =>
  rows.filter((row) => row.profileId === cell.profileId && row.region === cell.region);

describe('snapshot inventory against the sandbox', () => {
  it('lists owned and shared-with-me snapshots of 2 profiles × 2 regions with their keys; a failing region fails alone', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = createSnapshotInventory(sandboxDeps(sandbox, aws));
    const { ctx, partials } = recordingContext<SnapshotsPartial>();
    const scope = [...TWO_BY_TWO, { profileId: 'prod', region: 'eu-west-1' }];
    const result = await inventory.run({ scope, mode: 'full' }, ctx);

    expect(result.cells.map((cell) => cell.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'failed',
    ]);
    expect(result.cells[4]?.error?.message).toBeTruthy();
    const { rows } = await inventory.cached(scope);
    for (const row of rows) expect(snapshotRowSchema.safeParse(row).success).toBe(true);
    for (const cell of TWO_BY_TWO) {
      const owned = inCell(rows, cell).filter((row) => row.ownership === 'owned');
      expect(owned.map((row) => row.snapshotId).sort()).toEqual(await ownedIds(cell));
    }

    const prodEast = inCell(rows, TWO_BY_TWO[0] as ScopeCell);
    const byId = (id: string) => prodEast.find((row) => row.snapshotId === id);
    expect(byId(PROD_SNAPSHOT_DB_NIGHTLY)).toMatchObject({
      accountId: DEMO_ACCOUNTS.prod,
      ownerId: DEMO_ACCOUNTS.prod,
      ownership: 'owned',
      sizeGiB: 200,
      state: 'completed',
      description: 'db-primary nightly backup',
      tags: { Name: 'db-primary-nightly', Backup: 'nightly' },
      encryption: {
        encrypted: true,
        key: { manager: 'customer', aliases: ['alias/ebs-workloads'], state: 'Enabled' },
      },
    });
    expect(byId(PROD_SNAPSHOT_LEGACY_ROOT)?.encryption.key).toMatchObject({
      manager: 'aws',
      aliases: ['alias/aws/ebs'],
    });
    expect(byId(PROD_SNAPSHOT_BUILD_CACHE)?.encryption).toEqual({ encrypted: false, key: null });
    // The public Amazon snapshot is visible but neither owned nor shared with the profile.
    expect(prodEast.every((row) => row.ownerId === DEMO_ACCOUNTS.prod)).toBe(true);

    const shared = inCell(rows, { profileId: 'prod', region: 'us-west-2' });
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({
      snapshotId: BACKUP_SNAPSHOT_SHARED_REPORTS,
      ownership: 'shared-with-me',
      ownerId: DEMO_ACCOUNTS.backup,
      tags: {},
      encryption: { encrypted: true, key: { accountId: DEMO_ACCOUNTS.backup } },
    });
    const backupWest = inCell(rows, { profileId: 'backup', region: 'us-west-2' });
    expect(
      backupWest.find((row) => row.snapshotId === BACKUP_SNAPSHOT_SHARED_REPORTS),
    ).toMatchObject({
      ownership: 'owned',
      encryption: { key: { manager: 'customer', aliases: ['alias/dr-backups'] } },
    });

    // Each cell streamed its own progress: loading, then rows, then done with every id.
    const prodEastPartials = partials.filter(
      (p) => p.cell.profileId === 'prod' && p.cell.region === 'us-east-1',
    );
    expect(prodEastPartials[0]?.cell.status).toBe('loading');
    expect(prodEastPartials.at(-1)?.cell).toMatchObject({ status: 'done', keysListed: 6 });
    expect(prodEastPartials.at(-1)?.ids?.sort()).toEqual(
      await ownedIds(TWO_BY_TWO[0] as ScopeCell),
    );
  });

  it('an incremental refresh reuses the resolved keys: no DescribeKey asked again', async () => {
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = createSnapshotInventory(sandboxDeps(sandbox, aws));
    const cell = [{ profileId: 'prod', region: 'us-east-1' }];
    const full = await inventory.run({ scope: cell, mode: 'full' }, recordingContext().ctx);
    const again = await inventory.run({ scope: cell, mode: 'incremental' }, recordingContext().ctx);
    // Two DescribeSnapshots either way; the full read also lists aliases and describes 2 keys.
    expect(again.calls).toBe(2);
    expect(full.calls).toBe(5);
    expect(again.rowCount).toBe(full.rowCount);
  });

  it('pages through more than 1,000 snapshots of one cell', async () => {
    const store = sandbox.t.sandbox.runtime.store;
    const scope = { account: DEMO_ACCOUNTS.backup, region: 'us-east-1' };
    store.write((tx) => {
      for (let i = 0; i < 1_100; i++) {
        const snapshotId = `snap-0f${i.toString(16).padStart(15, '0')}`;
        tx.put(SNAPSHOT, scope, snapshotId, {
          snapshotId,
          ownerId: DEMO_ACCOUNTS.backup,
          region: 'us-east-1',
          volumeId: 'vol-ffffffff',
          volumeSize: 8,
          description: `bulk ${i}`,
          startTime: new Date(0).toISOString(),
          tags: [],
          createVolumePermission: { userIds: [], public: false },
          encrypted: false,
          startedAtMs: 0,
          durationMs: 0,
        });
      }
    });
    const aws = testClientFactory({ maxAttempts: 1 });
    const inventory = createSnapshotInventory(sandboxDeps(sandbox, aws));
    const { ctx, partials } = recordingContext<SnapshotsPartial>();
    const cell = [{ profileId: 'backup', region: 'us-east-1' }];
    const result = await inventory.run({ scope: cell, mode: 'full' }, ctx);
    expect(result.rowCount).toBe(1_100);
    expect(new Set((await inventory.cached(cell)).rows.map((r) => r.snapshotId)).size).toBe(1_100);
    // Owned and restorable-by-self: two pages each.
    expect(result.calls).toBe(4);
    const loading = partials.filter((p) => p.rows.length > 0).map((p) => p.cell.keysLoaded);
    expect(loading).toEqual([500, 1_000, 1_100]);
  });

  it('reads who owned snapshots are shared with, one attribute read each', async () => {
    const ec2 = new EC2Client(sandbox.t.client('prod', 'us-east-1'));
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        CreateVolumePermission: { Add: [{ UserId: DEMO_ACCOUNTS.backup }] },
      }),
    );
    ec2.destroy();
    const reader = createSharingReader(sandboxDeps(sandbox, testClientFactory({ maxAttempts: 1 })));
    const { ctx } = recordingContext();
    const answers = await reader.read(
      [
        { profileId: 'prod', region: 'us-east-1', id: PROD_SNAPSHOT_DB_NIGHTLY },
        { profileId: 'prod', region: 'us-east-1', id: PROD_SNAPSHOT_BUILD_CACHE },
        { profileId: 'backup', region: 'us-west-2', id: BACKUP_SNAPSHOT_SHARED_REPORTS },
        // Not prod's: the owner alone may read who it is shared with.
        { profileId: 'prod', region: 'us-west-2', id: BACKUP_SNAPSHOT_SHARED_REPORTS },
      ],
      ctx,
    );
    const of = (profileId: string, id: string) =>
      answers.find((a) => a.profileId === profileId && a.id === id);
    expect(of('prod', PROD_SNAPSHOT_DB_NIGHTLY)).toMatchObject({
      accounts: [DEMO_ACCOUNTS.backup],
      public: false,
      error: null,
    });
    expect(of('prod', PROD_SNAPSHOT_BUILD_CACHE)).toMatchObject({ accounts: [], error: null });
    expect(of('backup', BACKUP_SNAPSHOT_SHARED_REPORTS)?.accounts).toEqual([DEMO_ACCOUNTS.prod]);
    expect(of('prod', BACKUP_SNAPSHOT_SHARED_REPORTS)?.error).not.toBeNull();
  });
});
