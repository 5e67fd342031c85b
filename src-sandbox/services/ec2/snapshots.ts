import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { awsString } from '../validation';
import {
  DRY_RUN,
  ec2Error,
  FILTERS,
  gate,
  required,
  STRING_LIST,
  TAG_SPECIFICATIONS,
  tagsFor,
} from './common';
import { KEY_NOT_ACCESSIBLE } from './encryption';
import { applyFilters, paginate, refuseMaxResultsWithIds } from './filters';
import { ec2UseKey } from '../kms/ebs-keys';
import { startWork } from './lifecycle';
import { IMAGE, newEc2Id, SNAPSHOT, snapshotArn, volumeArn, type SnapshotDoc } from './model';
import {
  findOwnSnapshot,
  findSnapshot,
  putSnapshot,
  snapshotsInRegion,
  snapshotStatus,
  snapshotView,
  snapshotVisibleTo,
  requireSnapshotQuota,
} from './snapshot-access';
import { findOwnVolume, volumeStatus } from './volumes';

export const createSnapshot = defineOperation({
  input: z.object({
    VolumeId: z.string().optional(),
    Description: awsString(0, 255).optional(),
    TagSpecification: TAG_SPECIFICATIONS,
    Location: z.enum(['regional', 'local']).optional(),
    OutpostArn: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const volume = findOwnVolume(ctx, required(input.VolumeId, 'VolumeId'));
    const nowMs = ctx.now().getTime();
    const state = volumeStatus(volume, nowMs);
    if (state === 'creating' || state === 'error') {
      throw ec2Error('IncorrectState', `Volume '${volume.volumeId}' is in the '${state}' state.`);
    }
    const tags = tagsFor(input.TagSpecification, 'snapshot');
    const snapshotId = newEc2Id('snap');
    gate(ctx, input.DryRun, 'CreateSnapshot', [
      snapshotArn(ctx.region, ctx.account, snapshotId),
      volumeArn(ctx.region, ctx.account, volume.volumeId),
    ]);
    requireSnapshotQuota(ctx);
    // EBS asks KMS for a data key for the snapshot under the volume's key (reference §3.5).
    let failure: string | undefined;
    if (volume.encrypted && volume.kmsKeyArn !== undefined) {
      const used = ec2UseKey(
        ctx,
        volume.kmsKeyArn,
        ['DescribeKey', 'GenerateDataKeyWithoutPlaintext'],
        ctx.region,
      );
      if (!used.ok) failure = KEY_NOT_ACCESSIBLE;
    }
    const doc: SnapshotDoc = {
      snapshotId,
      ownerId: ctx.account,
      region: ctx.region,
      volumeId: volume.volumeId,
      volumeSize: volume.size,
      description: input.Description ?? '',
      startTime: ctx.now().toISOString(),
      tags,
      createVolumePermission: { userIds: [], public: false },
      encrypted: volume.encrypted,
      ...(volume.kmsKeyArn === undefined ? {} : { kmsKeyArn: volume.kmsKeyArn }),
      ...(volume.awsManagedKey === undefined ? {} : { awsManagedKey: volume.awsManagedKey }),
      ...(volume.encrypted
        ? { dataEncryptionKeyId: volume.dataEncryptionKeyId ?? randomUUID() }
        : {}),
      ...startWork(ctx.store, ctx.now(), failure),
    };
    putSnapshot(ctx, doc);
    return snapshotView(doc, nowMs);
  },
});

export const describeSnapshots = defineOperation({
  input: z.object({
    SnapshotId: STRING_LIST,
    Owner: STRING_LIST,
    RestorableBy: STRING_LIST,
    Filter: FILTERS,
    MaxResults: z.coerce.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    refuseMaxResultsWithIds(input.SnapshotId, input.MaxResults, 'snapshotIds');
    const ids = input.SnapshotId ?? [];
    for (const id of ids) findSnapshot(ctx, id);
    gate(ctx, input.DryRun, 'DescribeSnapshots', []);
    const account = ctx.account;
    const owners = (input.Owner ?? []).map((o) => (o === 'self' ? account : o));
    const restorable = (input.RestorableBy ?? []).map((r) => (r === 'self' ? account : r));
    const visible = snapshotsInRegion(ctx, ctx.region)
      .filter((s) => snapshotVisibleTo(s, account))
      .filter((s) => ids.length === 0 || ids.includes(s.snapshotId))
      .filter(
        (s) =>
          owners.length === 0 ||
          owners.some((o) => (o === 'amazon' ? s.ownerAlias === 'amazon' : s.ownerId === o)),
      )
      .filter(
        (s) =>
          restorable.length === 0 ||
          restorable.some((r) =>
            r === 'all'
              ? s.createVolumePermission.public
              : s.ownerId === r || s.createVolumePermission.userIds.includes(r),
          ),
      );
    const nowMs = ctx.now().getTime();
    const filtered = applyFilters(
      visible,
      input.Filter,
      {
        description: (s) => s.description,
        encrypted: (s) => s.encrypted,
        'kms-key-id': (s) => s.kmsKeyArn,
        'owner-alias': (s) => s.ownerAlias,
        'owner-id': (s) => s.ownerId,
        progress: (s) => snapshotStatus(s, nowMs).progress,
        'snapshot-id': (s) => s.snapshotId,
        'start-time': (s) => s.startTime,
        status: (s) => snapshotStatus(s, nowMs).status,
        'storage-tier': () => 'standard',
        'transfer-type': () => 'standard',
        'volume-id': (s) => s.volumeId,
        'volume-size': (s) => s.volumeSize,
      },
      (s) => s.tags,
    );
    const { page, nextToken } = paginate(
      filtered,
      input,
      { min: 5, max: 1000 },
      { o: owners, r: restorable, f: input.Filter, a: account, g: ctx.region },
    );
    // Tags are the owner's: other accounts do not see them.
    return {
      snapshotSet: page.map((s) => {
        const view = snapshotView(s, nowMs);
        return s.ownerId === account ? view : { ...view, tagSet: undefined };
      }),
      nextToken,
    };
  },
  responseElements: null,
});

export const deleteSnapshot = defineOperation({
  input: z.object({ SnapshotId: z.string().optional(), DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const doc = findOwnSnapshot(ctx, required(input.SnapshotId, 'SnapshotId'));
    gate(ctx, input.DryRun, 'DeleteSnapshot', [
      snapshotArn(ctx.region, ctx.account, doc.snapshotId),
    ]);
    const user = ctx.store
      .list(IMAGE, ctx.scope)
      .find((i) => i.blockDeviceMappings.some((m) => m.ebs?.snapshotId === doc.snapshotId));
    if (user) {
      throw ec2Error(
        'InvalidSnapshot.InUse',
        `The snapshot ${doc.snapshotId} is currently in use by ${user.imageId}`,
      );
    }
    ctx.store.delete(SNAPSHOT, ctx.scope, doc.snapshotId);
    return { return: true };
  },
});
