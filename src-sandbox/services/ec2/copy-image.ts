import { z } from 'zod';
import { isKnownRegion } from '../../http/regions';
import { defineOperation } from '../define-operation';
import { awsBool } from '../validation';
import { DRY_RUN, ec2Error, gate, required, TAG_SPECIFICATIONS, tagsFor } from './common';
import { dataKeyOf, factsOf, planEncryption, useKeys } from './encryption';
import { startWork } from './lifecycle';
import { imageArn, newEc2Id, type ImageDoc, type ImageMapping, type SnapshotDoc } from './model';
import { backingSnapshots, findImage, imageState, putImage } from './image-access';
import { requireAmiName } from './images';
import { putSnapshot, requireSnapshotQuota } from './snapshot-access';

/**
 * CopyImage (reference §3.3, outcomes §3.4): sent to the destination Region; every backing
 * snapshot is copied under the planned key; launch permissions are not copied.
 */
export const copyImage = defineOperation({
  input: z.object({
    SourceImageId: z.string().optional(),
    SourceRegion: z.string().optional(),
    Name: z.string().optional(),
    Description: z.string().max(255).optional(),
    Encrypted: awsBool.optional(),
    KmsKeyId: z.string().optional(),
    ClientToken: z.string().optional(),
    CopyImageTags: awsBool.optional(),
    TagSpecification: TAG_SPECIFICATIONS,
    SnapshotCopyCompletionDurationMinutes: z.coerce.number().int().optional(),
    DestinationOutpostArn: z.string().optional(),
    DestinationAvailabilityZone: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const sourceRegion = required(input.SourceRegion, 'SourceRegion');
    const sourceId = required(input.SourceImageId, 'SourceImageId');
    const name = required(input.Name, 'Name');
    if (!isKnownRegion(sourceRegion)) {
      throw ec2Error('InvalidParameterValue', `Invalid value '${sourceRegion}' for SourceRegion.`);
    }
    const source = findImage(ctx, sourceId, sourceRegion);
    const now = ctx.now();
    const state = imageState(ctx, source, now.getTime()).state;
    if (state !== 'available') {
      throw ec2Error('IncorrectState', `Image ${sourceId} is in invalid state - ${state}`);
    }
    requireAmiName(ctx, name);
    const snapshots = new Map(backingSnapshots(ctx, source).map((s) => [s.snapshotId, s]));
    const plans = [...snapshots.values()].map((s) => ({
      source: s,
      plan: planEncryption(
        ctx,
        ctx.region,
        s,
        { encrypted: input.Encrypted, kmsKeyId: input.KmsKeyId },
        { refuseUnencryptedCopy: s.snapshotId },
      ),
    }));
    const tags = [
      ...(input.CopyImageTags === true && source.ownerId === ctx.account ? source.tags : []),
      ...tagsFor(input.TagSpecification, 'image', ['image', 'snapshot']),
    ];
    const snapshotTags = tagsFor(input.TagSpecification, 'snapshot', ['image', 'snapshot']);
    const imageId = newEc2Id('ami');
    gate(ctx, input.DryRun, 'CopyImage', [
      imageArn(ctx.region, imageId),
      imageArn(sourceRegion, sourceId),
    ]);
    requireSnapshotQuota(ctx, plans.length);
    const copies = new Map<string, SnapshotDoc>();
    for (const { source: snap, plan } of plans) {
      const failure = useKeys(ctx, snap, plan, ctx.region, 'snapshot');
      const snapshotId = newEc2Id('snap');
      const doc: SnapshotDoc = {
        snapshotId,
        ownerId: ctx.account,
        region: ctx.region,
        volumeId: 'vol-ffffffff',
        volumeSize: snap.volumeSize,
        description: `Copied for DestinationAmi ${imageId} from SourceAmi ${sourceId} for SourceSnapshot ${snap.snapshotId}. Task created on ${now.getTime()}.`,
        startTime: now.toISOString(),
        tags: snapshotTags,
        createVolumePermission: { userIds: [], public: false },
        sourceSnapshotId: snap.snapshotId,
        sourceRegion,
        ...factsOf(plan),
        ...dataKeyOf(plan),
        ...startWork(ctx.store, now, failure),
      };
      putSnapshot(ctx, doc);
      copies.set(snap.snapshotId, doc);
    }
    const mappings: ImageMapping[] = source.blockDeviceMappings.map((m) => {
      const copied = m.ebs?.snapshotId === undefined ? undefined : copies.get(m.ebs.snapshotId);
      if (!m.ebs || !copied) return m;
      return {
        ...m,
        ebs: { ...m.ebs, snapshotId: copied.snapshotId, encrypted: copied.encrypted },
      };
    });
    const doc: ImageDoc = {
      imageId,
      ownerId: ctx.account,
      region: ctx.region,
      name,
      ...((input.Description ?? source.description)
        ? { description: input.Description ?? source.description ?? '' }
        : {}),
      architecture: source.architecture,
      rootDeviceName: source.rootDeviceName,
      virtualizationType: source.virtualizationType,
      enaSupport: source.enaSupport,
      ...(source.bootMode === undefined ? {} : { bootMode: source.bootMode }),
      creationDate: now.toISOString(),
      blockDeviceMappings: mappings,
      launchPermission: { userIds: [], public: false },
      tags,
      sourceImageId: sourceId,
      sourceImageRegion: sourceRegion,
    };
    putImage(ctx, doc);
    return { imageId };
  },
});
