import {
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  paginateDescribeSnapshots,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import {
  AMAZON_PUBLIC_SNAPSHOT,
  BACKUP_SNAPSHOT_DB_NIGHTLY,
  PROD_AMI_LEGACY,
  PROD_AMI_WEB,
  PROD_SNAPSHOT_BUILD_CACHE,
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_LEGACY_ROOT,
  PROD_VOLUME_BUILD_CACHE,
} from '../../seed/ec2';
import { awsCliFor } from '../../testing/aws-cli';
import { errorOf, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('DescribeSnapshots over the seeded world', () => {
  it('filters by owner, encryption, tags and wildcards', async () => {
    const ec2 = kit.ec2();
    const own = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(own.Snapshots?.every((s) => s.OwnerId === '111111111111')).toBe(true);
    expect(own.Snapshots?.length).toBe(6);
    const all = await ec2.send(new DescribeSnapshotsCommand({}));
    expect(all.Snapshots?.map((s) => s.SnapshotId)).toContain(AMAZON_PUBLIC_SNAPSHOT);
    const amazon = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['amazon'] }));
    expect(amazon.Snapshots?.map((s) => [s.SnapshotId, s.OwnerAlias])).toEqual([
      [AMAZON_PUBLIC_SNAPSHOT, 'amazon'],
    ]);
    const plain = await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'encrypted', Values: ['false'] }],
      }),
    );
    expect(plain.Snapshots?.map((s) => s.SnapshotId)).toEqual([PROD_SNAPSHOT_BUILD_CACHE]);
    const byTag = await ec2.send(
      new DescribeSnapshotsCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['legacy-*', 'db-primary-nightl?'] },
          { Name: 'status', Values: ['completed'] },
        ],
      }),
    );
    expect(byTag.Snapshots?.map((s) => s.SnapshotId).sort()).toEqual(
      [PROD_SNAPSHOT_DB_NIGHTLY, PROD_SNAPSHOT_LEGACY_ROOT, 'snap-0d15c000000000005'].sort(),
    );
    const db = byTag.Snapshots?.find((s) => s.SnapshotId === PROD_SNAPSHOT_DB_NIGHTLY);
    expect(db).toMatchObject({
      State: 'completed',
      Progress: '100%',
      Encrypted: true,
      KmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003',
      VolumeSize: 200,
    });
    const bad = await errorOf(
      ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
    );
    expect(bad.name).toBe('InvalidParameterValue');
  });

  it('refuses filters named like Object.prototype members as invalid filters', async () => {
    for (const Name of ['__proto__', 'constructor', 'toString']) {
      const bad = await errorOf(
        kit.ec2().send(new DescribeVolumesCommand({ Filters: [{ Name, Values: ['x'] }] })),
      );
      expect([Name, bad.name, bad.message]).toEqual([
        Name,
        'InvalidParameterValue',
        `The filter '${Name}' is invalid`,
      ]);
    }
  });

  it('pages with MaxResults and NextToken (and the SDK paginator)', async () => {
    const ec2 = kit.ec2();
    const first = await ec2.send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 5 }),
    );
    expect(first.Snapshots).toHaveLength(5);
    expect(first.NextToken).toBeDefined();
    const second = await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        MaxResults: 5,
        NextToken: first.NextToken,
      }),
    );
    expect(second.Snapshots).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    const reused = await errorOf(
      ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['amazon'], NextToken: first.NextToken })),
    );
    expect(reused.name).toBe('InvalidPaginationToken');
    const tooSmall = await errorOf(ec2.send(new DescribeSnapshotsCommand({ MaxResults: 2 })));
    expect(tooSmall.name).toBe('InvalidParameterValue');
    const ids: string[] = [];
    for await (const page of paginateDescribeSnapshots(
      { client: ec2, pageSize: 5 },
      { OwnerIds: ['self'] },
    )) {
      ids.push(...(page.Snapshots ?? []).map((s) => s.SnapshotId ?? ''));
    }
    expect(new Set(ids).size).toBe(6);
  });

  it('backup sees its dr-backups copies in us-west-2 only', async () => {
    const west = await kit
      .ec2('backup', 'us-west-2')
      .send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(west.Snapshots?.map((s) => s.SnapshotId)).toContain(BACKUP_SNAPSHOT_DB_NIGHTLY);
    expect(west.Snapshots?.every((s) => s.KmsKeyId?.includes(':key/2b3c4d5e-0001-'))).toBe(true);
    const east = await kit
      .ec2('backup', 'us-east-1')
      .send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(east.Snapshots).toEqual([]);
  });
});

describe('sharing rules', () => {
  it('refuses to share aws/ebs snapshots or make encrypted ones public', async () => {
    const ec2 = kit.ec2();
    const managed = await errorOf(
      ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: PROD_SNAPSHOT_LEGACY_ROOT,
          CreateVolumePermission: { Add: [{ UserId: '222222222222' }] },
        }),
      ),
    );
    expect([managed.name, managed.message]).toEqual([
      'OperationNotPermitted',
      'Encrypted snapshots with EBS default key cannot be shared',
    ]);
    const isPublic = await errorOf(
      ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
          Attribute: 'createVolumePermission',
          OperationType: 'add',
          GroupNames: ['all'],
        }),
      ),
    );
    expect([isPublic.name, isPublic.message]).toEqual([
      'OperationNotPermitted',
      'Encrypted snapshots cannot be shared publicly.',
    ]);
    const ami = await errorOf(
      ec2.send(
        new ModifyImageAttributeCommand({
          ImageId: PROD_AMI_LEGACY,
          LaunchPermission: { Add: [{ UserId: '222222222222' }] },
        }),
      ),
    );
    expect([ami.name, ami.message]).toEqual([
      'InvalidParameter',
      "Snapshots encrypted with the AWS Managed CMK can't be shared. Specify another snapshot.",
    ]);
    const malformed = await errorOf(
      ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: PROD_SNAPSHOT_BUILD_CACHE,
          CreateVolumePermission: { Add: [{ UserId: '2222' }] },
        }),
      ),
    );
    expect(malformed.name).toBe('InvalidUserID.Malformed');
  });
});

describe('images, volumes and tags', () => {
  it('describes AMIs by owner, id and block-device filters', async () => {
    const ec2 = kit.ec2();
    const own = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(own.Images?.map((i) => i.ImageId).sort()).toEqual(
      [PROD_AMI_WEB, PROD_AMI_LEGACY].sort(),
    );
    const web = own.Images?.find((i) => i.ImageId === PROD_AMI_WEB);
    expect(web).toMatchObject({
      State: 'available',
      Public: false,
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 16 } },
        { DeviceName: '/dev/xvdb', Ebs: { Encrypted: true, VolumeSize: 32 } },
      ],
    });
    const bySnap = await ec2.send(
      new DescribeImagesCommand({
        Filters: [
          { Name: 'block-device-mapping.snapshot-id', Values: [PROD_SNAPSHOT_LEGACY_ROOT] },
        ],
      }),
    );
    expect(bySnap.Images?.map((i) => i.ImageId)).toEqual([PROD_AMI_LEGACY]);
    const missing = await errorOf(
      ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
    );
    expect([missing.name, missing.message]).toEqual([
      'InvalidAMIID.NotFound',
      "The image id '[ami-0123456789abcdef0]' does not exist",
    ]);
  });

  it('creates, describes and deletes tags, and tags on create calls', async () => {
    const ec2 = kit.ec2();
    await ec2.send(
      new CreateTagsCommand({
        Resources: [PROD_VOLUME_BUILD_CACHE, PROD_SNAPSHOT_BUILD_CACHE],
        Tags: [{ Key: 'CostCenter', Value: 'cc-42' }],
      }),
    );
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['CostCenter'] }] }),
    );
    expect(tags.Tags?.map((t) => [t.ResourceId, t.ResourceType, t.Value]).sort()).toEqual(
      [
        [PROD_SNAPSHOT_BUILD_CACHE, 'snapshot', 'cc-42'],
        [PROD_VOLUME_BUILD_CACHE, 'volume', 'cc-42'],
      ].sort(),
    );
    await ec2.send(
      new DeleteTagsCommand({
        Resources: [PROD_VOLUME_BUILD_CACHE],
        Tags: [{ Key: 'CostCenter' }],
      }),
    );
    const vol = await ec2.send(
      new DescribeVolumesCommand({ VolumeIds: [PROD_VOLUME_BUILD_CACHE] }),
    );
    expect(vol.Volumes?.[0]?.Tags?.map((t) => t.Key)).toEqual(['Name', 'Team']);
    const created = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1c',
        Size: 2,
        TagSpecifications: [
          { ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'tagged-at-birth' }] },
        ],
      }),
    );
    const found = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['tagged-at-birth'] }] }),
    );
    expect(found.Volumes?.map((v) => v.VolumeId)).toEqual([created.VolumeId]);
  });
});

describe('AWS CLI', () => {
  it('aws ec2 describe-snapshots --owner-ids self', { timeout: 60_000 }, async () => {
    const aws = await awsCliFor(kit.t);
    if (!aws) {
      console.log('skipping: aws CLI not available');
      return;
    }
    const stdout = await aws([
      '--profile',
      'prod',
      '--output',
      'json',
      'ec2',
      'describe-snapshots',
      '--owner-ids',
      'self',
    ]);
    const parsed = JSON.parse(stdout) as { Snapshots: { SnapshotId: string; State: string }[] };
    expect(parsed.Snapshots.map((s) => s.SnapshotId)).toContain(PROD_SNAPSHOT_DB_NIGHTLY);
    expect(parsed.Snapshots.every((s) => s.State === 'completed')).toBe(true);
  });
});
