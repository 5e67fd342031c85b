import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  ModifySnapshotAttributeCommand,
  ResetSnapshotAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { PROD_SNAPSHOT_BUILD_CACHE, PROD_SNAPSHOT_DB_NIGHTLY } from '../../seed/ec2';
import type { CloudTrailRecord } from '../../trail/types';
import { errorOf, useEc2Kit } from './test-kit';

const PROD = '111111111111';
const BACKUP = '222222222222';
const EBS_WORKLOADS = `arn:aws:kms:us-east-1:${PROD}:key/1a2b3c4d-0003-4aaa-8bbb-111111110003`;
const DR_BACKUPS_WEST = `arn:aws:kms:us-west-2:${BACKUP}:key/2b3c4d5e-0001-4bbb-8ccc-222222220001`;
const DR_BACKUPS_EAST = `arn:aws:kms:us-east-1:${BACKUP}:key/2b3c4d5e-0002-4bbb-8ccc-222222220002`;

const kit = useEc2Kit();

async function snapshotOf(client: EC2Client, id: string) {
  const out = await client.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }));
  return out.Snapshots?.[0];
}

function kmsRecords(account: string, region: string, since: Date): CloudTrailRecord[] {
  return kit.t.sandbox.runtime.trail
    .query({
      account,
      region,
      attribute: { key: 'EventSource', value: 'kms.amazonaws.com' },
      start: since,
      limit: 200,
    })
    .events.map((e) => JSON.parse(e.CloudTrailEvent ?? '{}') as CloudTrailRecord);
}

describe('CopySnapshot in one account', () => {
  it('copies an encrypted snapshot across Regions with the SDK presigned URL', async () => {
    const since = new Date(Date.now() - 1000);
    const west = kit.ec2('prod', 'eu-west-1');
    const copy = await west.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        Description: 'DR copy',
        TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'dr' }] }],
      }),
    );
    expect(copy.SnapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    expect(copy.Tags).toEqual([{ Key: 'Name', Value: 'dr' }]);
    const s = await snapshotOf(west, copy.SnapshotId ?? '');
    // Cross-Region without KmsKeyId: the destination Region's default key (aws/ebs).
    expect(s).toMatchObject({ State: 'completed', Encrypted: true, Description: 'DR copy' });
    expect(s?.KmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    const records = kmsRecords(PROD, 'us-east-1', since);
    expect(records.map((r) => r.eventName)).toContain('Decrypt');
    expect(records.every((r) => r.userIdentity.invokedBy === 'ec2.amazonaws.com')).toBe(true);
    const dest = kmsRecords(PROD, 'eu-west-1', since);
    expect(dest.map((r) => r.eventName)).toContain('GenerateDataKeyWithoutPlaintext');
    expect(dest[0]).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'admin', invokedBy: 'ec2.amazonaws.com' },
      sourceIPAddress: 'ec2.amazonaws.com',
    });
  });

  it('refuses a presigned URL for another snapshot and an unencrypted copy of an encrypted one', async () => {
    const west = kit.ec2('prod', 'eu-west-1');
    const url =
      'https://127.0.0.1/?Action=CopySnapshot&SourceRegion=us-east-1&SourceSnapshotId=snap-0d15c000000000002&X-Amz-Signature=00';
    const bad = await errorOf(
      west.send(
        new CopySnapshotCommand({
          SourceRegion: 'us-east-1',
          SourceSnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
          PresignedUrl: url,
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    const plain = await errorOf(
      kit.ec2().send(
        new CopySnapshotCommand({
          SourceRegion: 'us-east-1',
          SourceSnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
          Encrypted: false,
        }),
      ),
    );
    expect(plain.name).toBe('InvalidRequest');
  });

  it('encrypts a copy of an unencrypted snapshot with a chosen key', async () => {
    const prod = kit.ec2();
    const copy = await prod.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: PROD_SNAPSHOT_BUILD_CACHE,
        Encrypted: true,
        KmsKeyId: 'alias/ebs-workloads',
      }),
    );
    const s = await snapshotOf(prod, copy.SnapshotId ?? '');
    expect(s).toMatchObject({ State: 'completed', Encrypted: true, KmsKeyId: EBS_WORKLOADS });
    const dependency = await errorOf(
      prod.send(
        new CopySnapshotCommand({
          SourceRegion: 'us-east-1',
          SourceSnapshotId: PROD_SNAPSHOT_BUILD_CACHE,
          KmsKeyId: 'alias/ebs-workloads',
        }),
      ),
    );
    expect(dependency.name).toBe('InvalidParameterDependency');
  });
});

describe('cross-account copy', () => {
  it('prod shares an ebs-workloads snapshot; backup sees it and copies it with dr-backups', async () => {
    const prod = kit.ec2();
    const backupEast = kit.ec2('backup', 'us-east-1');
    await prod.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        CreateVolumePermission: { Add: [{ UserId: BACKUP }] },
      }),
    );
    const attr = await prod.send(
      new DescribeSnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        Attribute: 'createVolumePermission',
      }),
    );
    expect(attr.CreateVolumePermissions).toEqual([{ UserId: BACKUP }]);

    const shared = await backupEast.send(
      new DescribeSnapshotsCommand({ RestorableByUserIds: ['self'], OwnerIds: [PROD] }),
    );
    expect(shared.Snapshots?.map((s) => [s.SnapshotId, s.OwnerId, s.KmsKeyId])).toEqual([
      [PROD_SNAPSHOT_DB_NIGHTLY, PROD, EBS_WORKLOADS],
    ]);
    const byOwner = await prod.send(
      new DescribeSnapshotsCommand({ RestorableByUserIds: [BACKUP] }),
    );
    expect(byOwner.Snapshots?.map((s) => s.SnapshotId)).toEqual([PROD_SNAPSHOT_DB_NIGHTLY]);

    const since = new Date(Date.now() - 1000);
    const sameRegion = await backupEast.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        Encrypted: true,
        KmsKeyId: 'alias/dr-backups',
      }),
    );
    expect(await snapshotOf(backupEast, sameRegion.SnapshotId ?? '')).toMatchObject({
      State: 'completed',
      OwnerId: BACKUP,
      KmsKeyId: DR_BACKUPS_EAST,
    });
    // The key owner also receives the records of EC2's calls on its key.
    const inProd = kmsRecords(PROD, 'us-east-1', since);
    expect(
      inProd.some((r) => r.eventName === 'Decrypt' && r.userIdentity.accountId === BACKUP),
    ).toBe(true);

    const backupWest = kit.ec2('backup', 'us-west-2');
    const crossRegion = await backupWest.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        Encrypted: true,
        KmsKeyId: 'alias/dr-backups',
      }),
    );
    expect(await snapshotOf(backupWest, crossRegion.SnapshotId ?? '')).toMatchObject({
      State: 'completed',
      KmsKeyId: DR_BACKUPS_WEST,
    });
    const west = kmsRecords(BACKUP, 'us-west-2', since);
    expect(west.map((r) => r.eventName)).toEqual(
      expect.arrayContaining(['DescribeKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncrypt']),
    );
    expect(west.every((r) => r.userIdentity.invokedBy === 'ec2.amazonaws.com')).toBe(true);

    await prod.send(
      new ResetSnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        Attribute: 'createVolumePermission',
      }),
    );
    const gone = await errorOf(
      backupEast.send(new DescribeSnapshotsCommand({ SnapshotIds: [PROD_SNAPSHOT_DB_NIGHTLY] })),
    );
    expect(gone.name).toBe('InvalidSnapshot.NotFound');
  });

  it('ends in error when the source key policy does not let backup use the key', async () => {
    const prod = kit.ec2();
    const vol = await prod.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1a',
        Size: 5,
        Encrypted: true,
        KmsKeyId: 'alias/payments-legacy',
      }),
    );
    const snap = await prod.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    await prod.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snap.SnapshotId,
        Attribute: 'createVolumePermission',
        OperationType: 'add',
        UserIds: [BACKUP],
      }),
    );
    const since = new Date(Date.now() - 1000);
    const backup = kit.ec2('backup', 'us-east-1');
    const copy = await backup.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: snap.SnapshotId,
        Encrypted: true,
        KmsKeyId: 'alias/dr-backups',
      }),
    );
    expect(await snapshotOf(backup, copy.SnapshotId ?? '')).toMatchObject({
      State: 'error',
      StateMessage: 'Given key ID is not accessible',
    });
    const denied = kmsRecords(BACKUP, 'us-east-1', since).find((r) => r.errorCode !== undefined);
    expect(denied).toMatchObject({
      eventName: 'DescribeKey',
      userIdentity: { accountId: BACKUP, invokedBy: 'ec2.amazonaws.com' },
    });
    expect(denied?.errorCode).toMatch(/AccessDenied/);
    // Restoring it fails the same way: the volume ends in `error`.
    const volume = await backup.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: snap.SnapshotId }),
    );
    const described = await backup.send(
      new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId ?? ''] }),
    );
    expect(described.Volumes?.[0]?.State).toBe('error');
  });
});
