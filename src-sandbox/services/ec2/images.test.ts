import {
  CopyImageCommand,
  CopySnapshotCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  ResetImageAttributeCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { PROD_AMI_WEB, PROD_SNAPSHOT_BUILD_CACHE, PROD_SNAPSHOT_WEB_ROOT } from '../../seed/ec2';
import { errorOf, startEc2Kit, useEc2Kit } from './test-kit';

const PROD = '111111111111';
const PARTNER = '333333333333';
const VENDOR_INBOX = `arn:aws:kms:us-east-1:${PARTNER}:key/3c4d5e6f-0001-4ccc-8ddd-333333330001`;
const APP_DATA = `arn:aws:kms:us-east-1:${PROD}:key/1a2b3c4d-0001-4aaa-8bbb-111111110001`;

const kit = useEc2Kit();

describe('AMIs', () => {
  it('registers, shares, copies with re-encryption and deregisters an AMI', async () => {
    const prod = kit.ec2();
    const registered = await prod.send(
      new RegisterImageCommand({
        Name: 'build-agent-v1',
        Description: 'CI build agent',
        RootDeviceName: '/dev/xvda',
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { SnapshotId: PROD_SNAPSHOT_BUILD_CACHE, VolumeType: 'gp3' },
          },
        ],
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Name', Value: 'agent' }] }],
      }),
    );
    const imageId = registered.ImageId ?? '';
    expect(imageId).toMatch(/^ami-[0-9a-f]{17}$/);
    const dup = await errorOf(
      prod.send(
        new RegisterImageCommand({
          Name: 'build-agent-v1',
          RootDeviceName: '/dev/xvda',
          BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { SnapshotId: PROD_SNAPSHOT_BUILD_CACHE } },
          ],
        }),
      ),
    );
    expect(dup.name).toBe('InvalidAMIName.Duplicate');

    await prod.send(
      new ModifyImageAttributeCommand({
        ImageId: imageId,
        LaunchPermission: { Add: [{ UserId: PARTNER }, { Group: 'all' }] },
      }),
    );
    const perms = await prod.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
    );
    expect(perms.LaunchPermissions).toEqual([{ Group: 'all' }, { UserId: PARTNER }]);
    const partner = kit.ec2('partner');
    const sharedWithMe = await partner.send(
      new DescribeImagesCommand({ ExecutableUsers: ['self'] }),
    );
    expect(sharedWithMe.Images?.map((i) => [i.ImageId, i.OwnerId, i.Tags])).toEqual([
      [imageId, PROD, undefined],
    ]);
    const publicOnes = await partner.send(new DescribeImagesCommand({ ExecutableUsers: ['all'] }));
    expect(publicOnes.Images?.map((i) => i.ImageId)).toContain(imageId);

    // The partner copies it into its own account, encrypting it with its own key.
    const copied = await partner.send(
      new CopyImageCommand({
        SourceImageId: imageId,
        SourceRegion: 'us-east-1',
        Name: 'vendor-copy-of-agent',
        Encrypted: true,
        KmsKeyId: 'alias/vendor-inbox',
      }),
    );
    const copy = (
      await partner.send(new DescribeImagesCommand({ ImageIds: [copied.ImageId ?? ''] }))
    ).Images?.[0];
    expect(copy).toMatchObject({
      State: 'available',
      OwnerId: PARTNER,
      SourceImageId: imageId,
      SourceImageRegion: 'us-east-1',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }],
    });
    const copySnapshot = copy?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    const snap = (await partner.send(new DescribeSnapshotsCommand({ SnapshotIds: [copySnapshot] })))
      .Snapshots?.[0];
    expect(snap).toMatchObject({ OwnerId: PARTNER, KmsKeyId: VENDOR_INBOX });
    expect(snap?.Description).toContain(`from SourceAmi ${imageId}`);

    await prod.send(
      new ResetImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
    );
    const notShared = await errorOf(
      partner.send(new DescribeImagesCommand({ ImageIds: [imageId] })),
    );
    expect(notShared.name).toBe('InvalidAMIID.NotFound');
    await prod.send(new DeregisterImageCommand({ ImageId: imageId }));
    const gone = await errorOf(prod.send(new DescribeImagesCommand({ ImageIds: [imageId] })));
    expect(gone.name).toBe('InvalidAMIID.NotFound');
  });

  it('copies an AMI across Regions with a new key', async () => {
    const west = kit.ec2('prod', 'us-west-2');
    const copied = await west.send(
      new CopyImageCommand({
        SourceImageId: PROD_AMI_WEB,
        SourceRegion: 'us-east-1',
        Name: 'web-tier-golden-west',
      }),
    );
    const image = (await west.send(new DescribeImagesCommand({ ImageIds: [copied.ImageId ?? ''] })))
      .Images?.[0];
    expect(image?.BlockDeviceMappings?.map((m) => m.Ebs?.Encrypted)).toEqual([true, true]);
    const snaps = await west.send(
      new DescribeSnapshotsCommand({
        SnapshotIds: (image?.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId ?? ''),
      }),
    );
    // Cross-Region, no KmsKeyId: the destination's default key (aws/ebs in us-west-2).
    expect(
      snaps.Snapshots?.every((s) =>
        s.KmsKeyId?.startsWith('arn:aws:kms:us-west-2:111111111111:key/'),
      ),
    ).toBe(true);
  });
});

describe('instances', () => {
  it('launches from an AMI re-encrypting the root volume, then terminates', async () => {
    const prod = kit.ec2();
    const run = await prod.send(
      new RunInstancesCommand({
        ImageId: PROD_AMI_WEB,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: 'alias/app-data' } },
        ],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-02' }] }],
      }),
    );
    const instanceId = run.Instances?.[0]?.InstanceId ?? '';
    expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(run.OwnerId).toBe(PROD);
    const described = await prod.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = described.Reservations?.[0]?.Instances?.[0];
    expect(instance).toMatchObject({
      State: { Code: 16, Name: 'running' },
      ImageId: PROD_AMI_WEB,
      InstanceType: 't3.micro',
      Tags: [{ Key: 'Name', Value: 'web-02' }],
    });
    const volumeIds = (instance?.BlockDeviceMappings ?? []).map((m) => m.Ebs?.VolumeId ?? '');
    expect(volumeIds).toHaveLength(2);
    const volumes = await prod.send(new DescribeVolumesCommand({ VolumeIds: volumeIds }));
    const byDevice = new Map(volumes.Volumes?.map((v) => [v.Attachments?.[0]?.Device, v]));
    expect(byDevice.get('/dev/xvda')).toMatchObject({
      State: 'in-use',
      KmsKeyId: APP_DATA,
      Encrypted: true,
    });
    expect(byDevice.get('/dev/xvdb')?.KmsKeyId).toContain('1a2b3c4d-0003');
    expect(byDevice.get('/dev/xvda')?.SnapshotId).toBe(PROD_SNAPSHOT_WEB_ROOT);

    const running = await prod.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
      }),
    );
    expect(
      running.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId),
    ).toEqual([instanceId]);
    const term = await prod.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
    expect(term.TerminatingInstances?.[0]).toMatchObject({
      InstanceId: instanceId,
      PreviousState: { Name: 'running' },
      CurrentState: { Name: 'shutting-down' },
    });
    const left = await errorOf(prod.send(new DescribeVolumesCommand({ VolumeIds: volumeIds })));
    expect(left.name).toBe('InvalidVolume.NotFound');
    const unknown = await errorOf(
      prod.send(new TerminateInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
    );
    expect(unknown.name).toBe('InvalidInstanceID.NotFound');
  });

  it('DryRun on RunInstances and a launch permission the caller lacks', async () => {
    const dry = await errorOf(
      kit.ec2().send(
        new RunInstancesCommand({
          ImageId: PROD_AMI_WEB,
          MinCount: 1,
          MaxCount: 1,
          DryRun: true,
        }),
      ),
    );
    expect(dry.name).toBe('DryRunOperation');
    const partner = await errorOf(
      kit
        .ec2('partner')
        .send(new RunInstancesCommand({ ImageId: PROD_AMI_WEB, MinCount: 1, MaxCount: 1 })),
    );
    expect(partner.name).toBe('InvalidAMIID.NotFound');
  });
});

describe('persistence', () => {
  it('keeps EC2 state across a restart', { timeout: 60_000 }, async () => {
    const first = await startEc2Kit();
    const copied = await first.ec2().send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: PROD_SNAPSHOT_BUILD_CACHE,
      }),
    );
    await first.t.stop(false);
    const second = await startEc2Kit(0, first.t.dataDir);
    try {
      const s = await second
        .ec2()
        .send(new DescribeSnapshotsCommand({ SnapshotIds: [copied.SnapshotId ?? ''] }));
      expect(s.Snapshots?.[0]).toMatchObject({
        State: 'completed',
        Description: `[Copied ${PROD_SNAPSHOT_BUILD_CACHE} from us-east-1]`,
      });
    } finally {
      await second.t.stop();
    }
  });
});
