import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { SANDBOX_SCOPE } from '../../seed/seeder';
import { EC2_SANDBOX_SETTINGS, EC2_SETTINGS_ID } from './model';
import { errorOf, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('snapshot quota', () => {
  it('refuses CreateSnapshot and CopySnapshot with SnapshotLimitExceeded once the Region is full', async () => {
    const ec2 = kit.ec2();
    const owned = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    const have = owned.Snapshots?.length ?? 0;
    kit.t.sandbox.runtime.store.write((tx) =>
      tx.put(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID, {
        asyncDurationMs: 0,
        snapshotQuota: have + 1,
      }),
    );
    const vol = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }),
    );
    const last = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    expect(last.SnapshotId).toMatch(/^snap-/);

    const over = await errorOf(ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId })));
    expect(over.name).toBe('SnapshotLimitExceeded');
    expect(over.$metadata?.httpStatusCode).toBe(400);
    const copy = await errorOf(
      ec2.send(
        new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: last.SnapshotId }),
      ),
    );
    expect(copy.name).toBe('SnapshotLimitExceeded');
    // Counted per Region: another Region still has room.
    const west = kit.ec2('prod', 'us-west-2');
    const copied = await west.send(
      new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: last.SnapshotId }),
    );
    expect(copied.SnapshotId).toMatch(/^snap-/);
  });
});
