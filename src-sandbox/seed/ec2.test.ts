import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE, SNAPSHOT, VOLUME } from '../services/ec2/model';
import { startTestSandbox, type TestSandbox } from '../testing/test-sandbox';
import * as ids from './ec2';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const FORMAT: Readonly<Record<string, RegExp>> = {
  VOLUME: /^vol-[0-9a-f]{17}$/,
  SNAPSHOT: /^snap-[0-9a-f]{17}$/,
  AMI: /^ami-[0-9a-f]{17}$/,
};

describe('ec2 seed', () => {
  it('exports AWS-format ids that the store holds, all finished', () => {
    const store = t.sandbox.runtime.store;
    const exported: [string, string][] = [];
    for (const [name, value] of Object.entries(ids) as [string, unknown][]) {
      if (typeof value === 'string' && /^(vol|snap|ami)-/.test(value)) exported.push([name, value]);
    }
    expect(exported.length).toBeGreaterThanOrEqual(15);
    for (const [name, id] of exported) {
      const kind = Object.keys(FORMAT).find((k) => name.includes(k)) ?? '';
      expect(id, name).toMatch(FORMAT[kind] ?? /^$/);
      const doc =
        kind === 'VOLUME'
          ? store.findById(VOLUME, id)
          : kind === 'SNAPSHOT'
            ? store.findById(SNAPSHOT, id)
            : store.findById(IMAGE, id);
      expect(doc, name).toBeDefined();
    }
    expect(new Set(exported.map(([, id]) => id)).size).toBe(exported.length);
  });

  it('encrypts the legacy snapshots with the account aws/ebs key and the others with demo keys', async () => {
    const kms = new KMSClient(t.client('prod'));
    const managed = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    expect(managed.KeyMetadata?.KeyManager).toBe('AWS');
    const store = t.sandbox.runtime.store;
    const legacy = store.findById(SNAPSHOT, ids.PROD_SNAPSHOT_LEGACY_ROOT)?.value;
    expect(legacy).toMatchObject({ kmsKeyArn: managed.KeyMetadata?.Arn, awsManagedKey: true });
    const workloads = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/ebs-workloads' }));
    expect(store.findById(SNAPSHOT, ids.PROD_SNAPSHOT_DB_NIGHTLY)?.value.kmsKeyArn).toBe(
      workloads.KeyMetadata?.Arn,
    );
    const backupKms = new KMSClient(t.client('backup', 'us-west-2'));
    const dr = await backupKms.send(new DescribeKeyCommand({ KeyId: 'alias/dr-backups' }));
    expect(store.findById(SNAPSHOT, ids.BACKUP_SNAPSHOT_DB_NIGHTLY)?.value).toMatchObject({
      ownerId: '222222222222',
      region: 'us-west-2',
      kmsKeyArn: dr.KeyMetadata?.Arn,
      sourceSnapshotId: ids.PROD_SNAPSHOT_DB_NIGHTLY,
    });
    expect(store.findById(SNAPSHOT, ids.PROD_SNAPSHOT_BUILD_CACHE)?.value.encrypted).toBe(false);
  });
});
