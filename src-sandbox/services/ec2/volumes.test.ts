import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DisableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ModifySnapshotAttributeCommand,
  ResetEbsDefaultKmsKeyIdCommand,
} from '@aws-sdk/client-ec2';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { PROD_SNAPSHOT_DB_NIGHTLY, PROD_SNAPSHOT_LEGACY_LOGS } from '../../seed/ec2';
import { errorOf, sleep, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('regions, zones and EBS defaults', () => {
  it('lists regions and zones and answers the EBS defaults', async () => {
    const ec2 = kit.ec2();
    const regions = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1'] }));
    expect(regions.Regions).toEqual([
      {
        RegionName: 'eu-west-1',
        Endpoint: 'ec2.eu-west-1.amazonaws.com',
        OptInStatus: 'opt-in-not-required',
      },
    ]);
    const zones = await kit
      .ec2('prod', 'ap-southeast-2')
      .send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['ap-southeast-2a', 'apse2-az3', 'available'],
      ['ap-southeast-2b', 'apse2-az1', 'available'],
      ['ap-southeast-2c', 'apse2-az2', 'available'],
    ]);
    expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(
      false,
    );
    expect((await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId).toBe('alias/aws/ebs');
  });

  it('maps zone names to zone ids per account, as AWS does: the same name, another physical zone', async () => {
    const idsOf = async (profile: 'prod' | 'backup') =>
      (
        await kit.ec2(profile, 'us-east-1').send(new DescribeAvailabilityZonesCommand({}))
      ).AvailabilityZones?.map((z) => `${z.ZoneName}=${z.ZoneId}`);
    expect(await idsOf('prod')).toEqual([
      'us-east-1a=use1-az1',
      'us-east-1b=use1-az2',
      'us-east-1c=use1-az3',
    ]);
    expect(await idsOf('backup')).toEqual([
      'us-east-1a=use1-az2',
      'us-east-1b=use1-az3',
      'us-east-1c=use1-az1',
    ]);
    // A volume made by zone id lands in the zone that account names for it.
    const backup = kit.ec2('backup', 'us-east-1');
    const made = await backup.send(
      new CreateVolumeCommand({ AvailabilityZoneId: 'use1-az1', Size: 1 }),
    );
    expect(made.AvailabilityZone).toBe('us-east-1c');
    const [seen] =
      (await backup.send(new DescribeVolumesCommand({ VolumeIds: [made.VolumeId ?? ''] })))
        .Volumes ?? [];
    expect(seen).toMatchObject({ AvailabilityZone: 'us-east-1c', AvailabilityZoneId: 'use1-az1' });
  });

  it('changes the EBS default key and encryption by default, and new volumes follow them', async () => {
    // us-west-2: the other tests use us-east-1's settings.
    const region = 'us-west-2';
    const ec2 = kit.ec2('prod', region);
    const kms = new KMSClient(kit.t.client('prod', region));
    const cmk = (await kms.send(new CreateKeyCommand({ Description: 'ebs default' }))).KeyMetadata;
    const rsa = (
      await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))
    ).KeyMetadata;

    const wrongKey = await errorOf(
      ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: rsa?.KeyId })),
    );
    expect(wrongKey.name).toBe('InvalidParameterValue');
    const dry = await errorOf(
      ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: cmk?.KeyId, DryRun: true })),
    );
    expect(dry.name).toBe('DryRunOperation');
    expect((await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId).toBe('alias/aws/ebs');

    const modified = await ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: cmk?.KeyId }));
    expect(modified.KmsKeyId).toBe(cmk?.Arn);
    expect((await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId).toBe(cmk?.Arn);
    expect(
      (await ec2.send(new EnableEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault,
    ).toBe(true);
    const encrypted = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 2 }),
    );
    expect([encrypted.Encrypted, encrypted.KmsKeyId]).toEqual([true, cmk?.Arn]);
    // Another account's settings are its own.
    expect(
      (await kit.ec2('backup', region).send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId,
    ).toBe('alias/aws/ebs');

    expect((await ec2.send(new ResetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId).toBe('alias/aws/ebs');
    expect(
      (await ec2.send(new DisableEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault,
    ).toBe(false);
    expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(
      false,
    );
    const plain = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 2 }),
    );
    expect([plain.Encrypted, plain.KmsKeyId]).toEqual([false, undefined]);
  });
});

describe('volumes and snapshots', () => {
  it('creates, describes and deletes an unencrypted volume and its snapshot', async () => {
    const ec2 = kit.ec2();
    const vol = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1a',
        Size: 10,
        VolumeType: 'gp3',
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'scratch' }] }],
      }),
    );
    expect(vol.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(vol).toMatchObject({ Size: 10, VolumeType: 'gp3', Encrypted: false });
    const described = await ec2.send(
      new DescribeVolumesCommand({ VolumeIds: [vol.VolumeId ?? ''] }),
    );
    expect(described.Volumes?.[0]).toMatchObject({
      State: 'available',
      Tags: [{ Key: 'Name', Value: 'scratch' }],
      AvailabilityZoneId: 'use1-az1',
    });
    const snap = await ec2.send(
      new CreateSnapshotCommand({ VolumeId: vol.VolumeId, Description: 'before upgrade' }),
    );
    expect(snap).toMatchObject({ VolumeId: vol.VolumeId, VolumeSize: 10, Encrypted: false });
    const listed = await ec2.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [snap.SnapshotId ?? ''] }),
    );
    expect(listed.Snapshots?.[0]).toMatchObject({ State: 'completed', Progress: '100%' });
    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId }));
    await ec2.send(new DeleteVolumeCommand({ VolumeId: vol.VolumeId }));
    const gone = await errorOf(
      ec2.send(new DescribeVolumesCommand({ VolumeIds: [vol.VolumeId ?? ''] })),
    );
    expect([gone.name, gone.message]).toEqual([
      'InvalidVolume.NotFound',
      `The volume '${vol.VolumeId}' does not exist.`,
    ]);
  });

  it('moves a snapshot from pending to completed with a rising progress', async () => {
    kit.setAsyncDuration(1200);
    const ec2 = kit.ec2();
    const vol = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1b', Size: 4 }),
    );
    expect(vol.State).toBe('creating');
    await sleep(1300);
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    expect(snap.State).toBe('pending');
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      const s = (
        await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap.SnapshotId ?? ''] }))
      ).Snapshots?.[0];
      seen.push(`${s?.State}:${s?.Progress}`);
      if (s?.State === 'completed') break;
      await sleep(100);
    }
    expect(seen.at(-1)).toBe('completed:100%');
    const percents = seen.map((s) => Number(s.split(':')[1]?.replace('%', '')));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBeGreaterThan(2);
    // A pending snapshot cannot be restored yet.
    const again = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    const e = await errorOf(
      ec2.send(
        new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: again.SnapshotId }),
      ),
    );
    expect([e.name, e.message]).toEqual([
      'IncorrectState',
      'Snapshot is in invalid state - pending',
    ]);
    kit.setAsyncDuration(0);
  });

  it('answers DryRun with DryRunOperation or UnauthorizedOperation', async () => {
    const allowed = await errorOf(
      kit
        .ec2()
        .send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1, DryRun: true })),
    );
    expect([allowed.name, allowed.$metadata?.httpStatusCode, allowed.message]).toEqual([
      'DryRunOperation',
      412,
      'Request would have succeeded, but DryRun flag is set.',
    ]);
    const denied = await errorOf(
      kit
        .ec2('prod-developer')
        .send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1, DryRun: true })),
    );
    expect([denied.name, denied.$metadata?.httpStatusCode]).toEqual(['UnauthorizedOperation', 403]);
    expect(denied.message).toMatch(
      /^You are not authorized to perform this operation\. Encoded authorization failure message: /,
    );
    const describeDry = await errorOf(
      kit.ec2('prod-developer').send(new DescribeVolumesCommand({ DryRun: true })),
    );
    expect(describeDry.name).toBe('DryRunOperation');
    expect(
      (await kit.ec2().send(new DescribeVolumesCommand({}))).Volumes?.some((v) => v.Size === 1),
    ).toBe(false);
  });

  it('validates ids, KmsKeyId dependency and zones', async () => {
    const ec2 = kit.ec2();
    const malformed = await errorOf(
      ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-xyz'] })),
    );
    expect(malformed.name).toBe('InvalidSnapshotID.Malformed');
    const missing = await errorOf(
      ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0123456789abcdef0'] })),
    );
    expect([missing.name, missing.message]).toEqual([
      'InvalidSnapshot.NotFound',
      "The snapshot 'snap-0123456789abcdef0' does not exist.",
    ]);
    const dependency = await errorOf(
      ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: 'us-east-1a',
          Size: 1,
          KmsKeyId: 'alias/ebs-workloads',
        }),
      ),
    );
    expect([dependency.name, dependency.message]).toEqual([
      'InvalidParameterDependency',
      'The parameter [KmsKeyId] requires the parameter Encrypted to be set.',
    ]);
    const zone = await errorOf(
      ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'eu-west-1a', Size: 1 })),
    );
    expect(zone.name).toBe('InvalidParameterValue');
    const combo = await errorOf(
      ec2.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'], MaxResults: 5 })),
    );
    expect(combo.name).toBe('InvalidParameterCombination');
  });

  it('encrypts by default with aws/ebs and restores shared snapshots under the recipient default key', async () => {
    const prod = kit.ec2();
    await prod.send(new EnableEbsEncryptionByDefaultCommand({}));
    const vol = await prod.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 3 }),
    );
    expect(vol.Encrypted).toBe(true);
    const legacy = (
      await prod.send(new DescribeSnapshotsCommand({ SnapshotIds: [PROD_SNAPSHOT_LEGACY_LOGS] }))
    ).Snapshots?.[0];
    expect(vol.KmsKeyId).toBe(legacy?.KmsKeyId);

    await prod.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        CreateVolumePermission: { Add: [{ UserId: '222222222222' }] },
      }),
    );
    const backup = kit.ec2('backup');
    const restored = await backup.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1b',
        SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
      }),
    );
    expect(restored).toMatchObject({
      Encrypted: true,
      Size: 200,
      SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
    });
    expect(restored.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:222222222222:key\//);
    const partner = await errorOf(
      kit.ec2('partner').send(
        new CreateVolumeCommand({
          AvailabilityZone: 'us-east-1b',
          SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
        }),
      ),
    );
    expect(partner.name).toBe('InvalidSnapshot.NotFound');
  });
});
