import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsBool } from '../validation';
import {
  DRY_RUN,
  ec2Error,
  FILTERS,
  gate,
  missingParameter,
  requireWellFormed,
  STRING_LIST,
  TAG_SPECIFICATIONS,
  tagSet,
  tagsFor,
  volumeNotFound,
} from './common';
import { dataKeyOf, factsOf, planEncryption, useKeys } from './encryption';
import { applyFilters, paginate, refuseMaxResultsWithIds } from './filters';
import { startWork, workState } from './lifecycle';
import { newEc2Id, snapshotArn, VOLUME, volumeArn, type VolumeDoc } from './model';
import { requireZone, zonesOf } from './regions';
import { findSnapshot, requireCompleted } from './snapshot-access';

const VOLUME_TYPES = ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'] as const;
const SIZE_LIMITS: Readonly<Record<string, readonly [number, number]>> = {
  standard: [1, 1024],
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
};

export function volumeStatus(doc: VolumeDoc, nowMs: number): string {
  const s = workState(doc, nowMs);
  if (s.phase === 'running') return 'creating';
  if (s.phase === 'failed') return 'error';
  return doc.attachments.length > 0 ? 'in-use' : 'available';
}

/** The `Volume` shape under its XML names. */
export function volumeView(doc: VolumeDoc, nowMs: number) {
  const zoneId = zonesOf(doc.region, doc.ownerId).find((z) => z.name === doc.availabilityZone)?.id;
  return {
    volumeId: doc.volumeId,
    size: doc.size,
    snapshotId: doc.snapshotId,
    availabilityZone: doc.availabilityZone,
    availabilityZoneId: zoneId,
    status: volumeStatus(doc, nowMs),
    createTime: new Date(doc.createTime),
    attachmentSet: doc.attachments.map((a) => ({
      volumeId: doc.volumeId,
      instanceId: a.instanceId,
      device: a.device,
      status: 'attached',
      attachTime: new Date(a.attachTime),
      deleteOnTermination: a.deleteOnTermination,
    })),
    volumeType: doc.volumeType,
    iops: doc.iops,
    throughput: doc.throughput,
    encrypted: doc.encrypted,
    kmsKeyId: doc.kmsKeyArn,
    tagSet: tagSet(doc.tags),
    multiAttachEnabled: doc.multiAttachEnabled,
    fastRestored: false,
  };
}

export function requireVolumeSize(type: string, size: number): void {
  const [min, max] = SIZE_LIMITS[type] ?? [1, 16384];
  if (!Number.isInteger(size) || size < min || size > max) {
    throw ec2Error(
      'InvalidParameterValue',
      `Volume of ${size}GiB is too ${size < min ? 'small' : 'large'}; minimum is ${min}GiB, maximum is ${max}GiB.`,
    );
  }
}

export function putVolume(ctx: ServiceContext, doc: VolumeDoc): void {
  ctx.store.put(VOLUME, { account: doc.ownerId, region: doc.region }, doc.volumeId, doc);
}

export function findOwnVolume(ctx: ServiceContext, id: string): VolumeDoc {
  requireWellFormed('vol', id);
  const doc = ctx.store.get(VOLUME, ctx.scope, id);
  if (!doc) throw volumeNotFound(id);
  return doc;
}

export const createVolume = defineOperation({
  input: z.object({
    AvailabilityZone: z.string().optional(),
    AvailabilityZoneId: z.string().optional(),
    SnapshotId: z.string().optional(),
    Size: z.coerce.number().int().optional(),
    VolumeType: z.enum(VOLUME_TYPES).optional(),
    Iops: z.coerce.number().int().optional(),
    Throughput: z.coerce.number().int().optional(),
    Encrypted: awsBool.optional(),
    KmsKeyId: z.string().optional(),
    MultiAttachEnabled: awsBool.optional(),
    TagSpecification: TAG_SPECIFICATIONS,
    ClientToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const zoneRef = input.AvailabilityZone ?? input.AvailabilityZoneId;
    if (input.AvailabilityZone !== undefined && input.AvailabilityZoneId !== undefined) {
      throw ec2Error(
        'InvalidParameterCombination',
        'The parameters AvailabilityZone and AvailabilityZoneId cannot be used together.',
      );
    }
    if (zoneRef === undefined) throw missingParameter('AvailabilityZone');
    requireZone(ctx, zoneRef);
    const zone = zonesOf(ctx.region, ctx.account).find(
      (z) => z.name === zoneRef || z.id === zoneRef,
    );
    const nowMs = ctx.now().getTime();
    const snapshot =
      input.SnapshotId === undefined ? undefined : findSnapshot(ctx, input.SnapshotId);
    if (snapshot) requireCompleted(snapshot, nowMs);
    if (!snapshot && input.Size === undefined) throw missingParameter('size or snapshotId');
    const volumeType = input.VolumeType ?? 'gp2';
    const size = input.Size ?? snapshot?.volumeSize ?? 0;
    if (snapshot && size < snapshot.volumeSize) {
      throw ec2Error(
        'InvalidParameterValue',
        `Volume of size ${size} is smaller than snapshot '${snapshot.snapshotId}', expect size >= ${snapshot.volumeSize}`,
      );
    }
    requireVolumeSize(volumeType, size);
    const tags = tagsFor(input.TagSpecification, 'volume');
    const plan = planEncryption(ctx, ctx.region, snapshot, {
      encrypted: input.Encrypted,
      kmsKeyId: input.KmsKeyId,
    });
    const volumeId = newEc2Id('vol');
    gate(ctx, input.DryRun, 'CreateVolume', [
      volumeArn(ctx.region, ctx.account, volumeId),
      ...(snapshot ? [snapshotArn(snapshot.region, snapshot.ownerId, snapshot.snapshotId)] : []),
    ]);
    const failure = useKeys(ctx, snapshot, plan, ctx.region, 'volume');
    const doc: VolumeDoc = {
      volumeId,
      ownerId: ctx.account,
      region: ctx.region,
      availabilityZone: zone?.name ?? zoneRef,
      size,
      snapshotId: snapshot?.snapshotId ?? '',
      volumeType,
      ...(input.Iops === undefined ? {} : { iops: input.Iops }),
      ...(input.Throughput === undefined ? {} : { throughput: input.Throughput }),
      createTime: ctx.now().toISOString(),
      multiAttachEnabled: input.MultiAttachEnabled ?? false,
      tags,
      attachments: [],
      ...factsOf(plan),
      ...dataKeyOf(plan, snapshot),
      ...startWork(ctx.store, ctx.now(), failure),
    };
    putVolume(ctx, doc);
    return volumeView(doc, nowMs);
  },
});

export const describeVolumes = defineOperation({
  input: z.object({
    VolumeId: STRING_LIST,
    Filter: FILTERS,
    MaxResults: z.coerce.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    refuseMaxResultsWithIds(input.VolumeId, input.MaxResults, 'volumeIds');
    const own = ctx.store.list(VOLUME, ctx.scope);
    for (const id of input.VolumeId ?? []) {
      requireWellFormed('vol', id);
      if (!own.some((v) => v.volumeId === id)) throw volumeNotFound(id);
    }
    gate(ctx, input.DryRun, 'DescribeVolumes', []);
    const nowMs = ctx.now().getTime();
    const chosen = own.filter((v) => !input.VolumeId || input.VolumeId.includes(v.volumeId));
    const filtered = applyFilters(
      chosen,
      input.Filter,
      {
        'volume-id': (v) => v.volumeId,
        'availability-zone': (v) => v.availabilityZone,
        'availability-zone-id': (v) =>
          zonesOf(v.region, v.ownerId).find((z) => z.name === v.availabilityZone)?.id,
        'create-time': (v) => v.createTime,
        encrypted: (v) => v.encrypted,
        'kms-key-id': (v) => v.kmsKeyArn,
        'multi-attach-enabled': (v) => v.multiAttachEnabled,
        'fast-restored': () => false,
        size: (v) => v.size,
        'snapshot-id': (v) => v.snapshotId,
        status: (v) => volumeStatus(v, nowMs),
        'volume-type': (v) => v.volumeType,
        'attachment.instance-id': (v) => v.attachments.map((a) => a.instanceId),
        'attachment.device': (v) => v.attachments.map((a) => a.device),
        'attachment.status': (v) => v.attachments.map(() => 'attached'),
        'attachment.delete-on-termination': (v) =>
          v.attachments.map((a) => String(a.deleteOnTermination)),
      },
      (v) => v.tags,
    );
    const { page, nextToken } = paginate(
      filtered,
      input,
      { min: 5, max: 500 },
      { f: input.Filter, a: ctx.account, r: ctx.region },
    );
    return { volumeSet: page.map((v) => volumeView(v, nowMs)), nextToken };
  },
  responseElements: null,
});

export const deleteVolume = defineOperation({
  input: z.object({ VolumeId: z.string(), DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    const doc = findOwnVolume(ctx, input.VolumeId);
    gate(ctx, input.DryRun, 'DeleteVolume', [volumeArn(ctx.region, ctx.account, doc.volumeId)]);
    const attached = doc.attachments[0];
    if (attached) {
      throw ec2Error(
        'VolumeInUse',
        `Volume ${doc.volumeId} is currently attached to ${attached.instanceId}`,
      );
    }
    ctx.store.delete(VOLUME, ctx.scope, doc.volumeId);
    return { return: true };
  },
});
