import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('snapshot DataEncryptionKeyId', () => {
  it('follows the data key: kept along volume → snapshot → volume, new for a copy, absent unencrypted', async () => {
    const ec2 = kit.ec2();
    const described = async (id: string) =>
      (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.[0]
        ?.DataEncryptionKeyId;
    const vol = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1a',
        Size: 4,
        Encrypted: true,
        KmsKeyId: 'alias/ebs-workloads',
      }),
    );
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    const lineage = snap.DataEncryptionKeyId;
    expect(lineage).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await described(snap.SnapshotId ?? '')).toBe(lineage);

    const restored = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1b', SnapshotId: snap.SnapshotId }),
    );
    const again = await ec2.send(new CreateSnapshotCommand({ VolumeId: restored.VolumeId }));
    expect(again.DataEncryptionKeyId).toBe(lineage);

    const copy = await ec2.send(
      new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: snap.SnapshotId }),
    );
    const copied = await described(copy.SnapshotId ?? '');
    expect(copied).toBeDefined();
    expect(copied).not.toBe(lineage);

    const plain = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1, Encrypted: false }),
    );
    const plainSnap = await ec2.send(new CreateSnapshotCommand({ VolumeId: plain.VolumeId }));
    expect(plainSnap.DataEncryptionKeyId).toBeUndefined();
  });
});
