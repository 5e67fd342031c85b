import { z } from 'zod';
import { defineOperation } from '../define-operation';
import {
  DRY_RUN,
  ec2Error,
  gate,
  missingParameter,
  required,
  TAG_SPECIFICATIONS,
  tagsFor,
} from './common';
import { dataKeyOf, factsOf, planEncryption, useKeys } from './encryption';
import { startWork } from './lifecycle';
import {
  INSTANCE,
  instanceArn,
  imageArn,
  newEc2Id,
  VOLUME,
  type InstanceDoc,
  type VolumeDoc,
} from './model';
import { backingSnapshots, findImage, imageState } from './image-access';
import { BLOCK_DEVICE_MAPPINGS } from './images';
import { instanceView, stateOf } from './instances';
import { requireZone, zonesOf } from './regions';
import { putVolume, requireVolumeSize } from './volumes';

const MAX_INSTANCES_PER_CALL = 20;

/**
 * RunInstances: just enough of an instance for EBS — a volume per block device mapping of the AMI
 * (with `BlockDeviceMapping.N.Ebs` overrides, including re-encryption, reference §3.4). A launch
 * whose volumes cannot use their KMS keys ends `terminated` with `Client.InternalError`.
 */
export const runInstances = defineOperation({
  input: z
    .object({
      ImageId: z.string().optional(),
      MinCount: z.coerce.number().int().optional(),
      MaxCount: z.coerce.number().int().optional(),
      InstanceType: z.string().optional(),
      BlockDeviceMapping: BLOCK_DEVICE_MAPPINGS,
      Placement: z.object({ AvailabilityZone: z.string().optional() }).passthrough().optional(),
      TagSpecification: TAG_SPECIFICATIONS,
      ClientToken: z.string().optional(),
      DryRun: DRY_RUN,
    })
    .passthrough(),
  handler: (ctx, input) => {
    const image = findImage(ctx, required(input.ImageId, 'ImageId'));
    const min = required(input.MinCount, 'MinCount');
    const max = required(input.MaxCount, 'MaxCount');
    if (min < 1 || max < min) {
      throw ec2Error(
        'InvalidParameterValue',
        'MinCount must be at least 1 and not exceed MaxCount.',
      );
    }
    if (min > MAX_INSTANCES_PER_CALL) {
      throw ec2Error(
        'InstanceLimitExceeded',
        `You have requested more instances (${min}) than your current instance limit of ${MAX_INSTANCES_PER_CALL} allows.`,
      );
    }
    const count = Math.min(max, MAX_INSTANCES_PER_CALL);
    const now = ctx.now();
    if (imageState(ctx, image, now.getTime()).state !== 'available') {
      throw ec2Error(
        'InvalidAMIID.Unavailable',
        `The image id '[${image.imageId}]' is not available`,
      );
    }
    const zone =
      input.Placement?.AvailabilityZone ??
      zonesOf(ctx.region, ctx.account)[0]?.name ??
      `${ctx.region}a`;
    requireZone(ctx, zone);
    const snapshots = new Map(backingSnapshots(ctx, image).map((s) => [s.snapshotId, s]));
    const overrides = new Map(
      (input.BlockDeviceMapping ?? []).map((m) => [
        required(m.DeviceName, 'BlockDeviceMapping.DeviceName'),
        m,
      ]),
    );
    const devices = [
      ...new Set([...image.blockDeviceMappings.map((m) => m.deviceName), ...overrides.keys()]),
    ];
    const volumesToMake = devices.flatMap((deviceName) => {
      const base = image.blockDeviceMappings.find((m) => m.deviceName === deviceName)?.ebs;
      const over = overrides.get(deviceName);
      if (over?.NoDevice !== undefined || (!base && !over?.Ebs)) return [];
      const ebs = over?.Ebs;
      const snapshotId = ebs?.SnapshotId ?? base?.snapshotId;
      const snap = snapshotId === undefined ? undefined : snapshots.get(snapshotId);
      if (snapshotId !== undefined && !snap)
        throw ec2Error('InvalidSnapshot.NotFound', `The snapshot '${snapshotId}' does not exist.`);
      const volumeType = ebs?.VolumeType ?? base?.volumeType ?? 'gp2';
      const size = ebs?.VolumeSize ?? base?.volumeSize ?? snap?.volumeSize;
      if (size === undefined)
        throw missingParameter(`BlockDeviceMapping ${deviceName} Ebs.VolumeSize`);
      if (snap && size < snap.volumeSize) {
        throw ec2Error(
          'InvalidBlockDeviceMapping',
          `Volume of size ${size}GB is smaller than snapshot '${snap.snapshotId}', expect size >= ${snap.volumeSize}GB`,
        );
      }
      requireVolumeSize(volumeType, size);
      // UNCONFIRMED code for KmsKeyId without Encrypted on RunInstances (reference §3.3).
      const plan = planEncryption(ctx, ctx.region, snap, {
        encrypted: ebs?.Encrypted,
        kmsKeyId: ebs?.KmsKeyId,
      });
      return [
        {
          deviceName,
          snap,
          size,
          volumeType,
          plan,
          deleteOnTermination: ebs?.DeleteOnTermination ?? base?.deleteOnTermination ?? true,
        },
      ];
    });
    const instanceTags = tagsFor(input.TagSpecification, 'instance', ['instance', 'volume']);
    const volumeTags = tagsFor(input.TagSpecification, 'volume', ['instance', 'volume']);
    const reservationId = newEc2Id('r');
    const ids = Array.from({ length: count }, () => newEc2Id('i'));
    gate(ctx, input.DryRun, 'RunInstances', [
      ...ids.map((id) => instanceArn(ctx.region, ctx.account, id)),
      imageArn(ctx.region, image.imageId),
    ]);
    const docs: InstanceDoc[] = ids.map((instanceId) => {
      let failure: string | undefined;
      const volumes: { deviceName: string; volumeId: string }[] = [];
      for (const v of volumesToMake) {
        const volumeId = newEc2Id('vol');
        failure ??= useKeys(ctx, v.snap, v.plan, ctx.region, 'volume', { instanceId, volumeId });
        const doc: VolumeDoc = {
          volumeId,
          ownerId: ctx.account,
          region: ctx.region,
          availabilityZone: zone,
          size: v.size,
          snapshotId: v.snap?.snapshotId ?? '',
          volumeType: v.volumeType,
          createTime: now.toISOString(),
          multiAttachEnabled: false,
          tags: volumeTags,
          attachments: [
            {
              instanceId,
              device: v.deviceName,
              attachTime: now.toISOString(),
              deleteOnTermination: v.deleteOnTermination,
            },
          ],
          ...factsOf(v.plan),
          ...dataKeyOf(v.plan, v.snap),
          ...startWork(ctx.store, now),
        };
        volumes.push({ deviceName: v.deviceName, volumeId });
        putVolume(ctx, doc);
      }
      // A launch whose volumes cannot use their keys ends terminated (Client.InternalError).
      if (failure !== undefined) {
        for (const v of volumes) ctx.store.delete(VOLUME, ctx.scope, v.volumeId);
      }
      const doc: InstanceDoc = {
        instanceId,
        reservationId,
        ownerId: ctx.account,
        region: ctx.region,
        imageId: image.imageId,
        instanceType: input.InstanceType ?? 'm1.small',
        availabilityZone: zone,
        launchTime: now.toISOString(),
        rootDeviceName: image.rootDeviceName,
        architecture: image.architecture,
        volumes: failure === undefined ? volumes : [],
        tags: instanceTags,
        ...startWork(ctx.store, now, failure),
      };
      ctx.store.put(INSTANCE, ctx.scope, instanceId, doc);
      return doc;
    });
    const nowMs = now.getTime();
    return {
      reservationId,
      ownerId: ctx.account,
      groupSet: [],
      instancesSet: docs.map((d, i) => ({
        ...instanceView(d, nowMs, i),
        instanceState: stateOf('pending'),
      })),
    };
  },
});
