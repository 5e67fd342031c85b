import type { ServiceContext } from '../types';
import { ec2Error, imageNotFound, requireWellFormed, tagSet } from './common';
import { IMAGE, SNAPSHOT, type ImageDoc, type SnapshotDoc } from './model';
import { snapshotStatus } from './snapshot-access';

export function imageVisibleTo(doc: ImageDoc, account: string): boolean {
  return (
    doc.ownerId === account ||
    doc.launchPermission.public ||
    doc.launchPermission.userIds.includes(account)
  );
}

export function imagesInRegion(ctx: ServiceContext, region: string): ImageDoc[] {
  return ctx.store
    .listAll(IMAGE)
    .map((d) => d.value)
    .filter((d) => d.region === region);
}

/** An AMI the caller may see (and launch) in `region`. */
export function findImage(ctx: ServiceContext, id: string, region = ctx.region): ImageDoc {
  requireWellFormed('ami', id);
  const found = ctx.store.findById(IMAGE, id)?.value;
  if (!found || found.region !== region || !imageVisibleTo(found, ctx.account)) {
    throw imageNotFound([id]);
  }
  return found;
}

export function findOwnImage(ctx: ServiceContext, id: string): ImageDoc {
  const found = findImage(ctx, id);
  if (found.ownerId !== ctx.account) {
    throw ec2Error(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation on image '${id}' owned by ${found.ownerId}.`,
      403,
    );
  }
  return found;
}

export function putImage(ctx: ServiceContext, doc: ImageDoc): void {
  ctx.store.put(IMAGE, { account: doc.ownerId, region: doc.region }, doc.imageId, doc);
}

/** The backing snapshots of an AMI (access to them comes with the AMI, not with sharing). */
export function backingSnapshots(ctx: ServiceContext, doc: ImageDoc): SnapshotDoc[] {
  const out: SnapshotDoc[] = [];
  for (const m of doc.blockDeviceMappings) {
    const id = m.ebs?.snapshotId;
    if (id === undefined) continue;
    const snap = ctx.store.get(SNAPSHOT, { account: doc.ownerId, region: doc.region }, id);
    if (snap) out.push(snap);
  }
  return out;
}

export function imageState(
  ctx: ServiceContext,
  doc: ImageDoc,
  nowMs: number,
): { state: string; reason?: { code: string; message: string } } {
  const states = backingSnapshots(ctx, doc).map((s) => snapshotStatus(s, nowMs));
  const failed = states.find((s) => s.status === 'error');
  if (failed) {
    return {
      state: 'failed',
      reason: { code: 'Client.InvalidSnapshot', message: failed.message ?? 'Snapshot copy failed' },
    };
  }
  if (states.some((s) => s.status === 'pending')) return { state: 'pending' };
  return { state: 'available' };
}

/** The `Image` shape under its XML names. */
export function imageView(ctx: ServiceContext, doc: ImageDoc, nowMs: number) {
  const snaps = new Map(backingSnapshots(ctx, doc).map((s) => [s.snapshotId, s]));
  const state = imageState(ctx, doc, nowMs);
  return {
    imageId: doc.imageId,
    imageLocation: `${doc.ownerId}/${doc.name}`,
    imageState: state.state,
    imageOwnerId: doc.ownerId,
    creationDate: doc.creationDate,
    isPublic: doc.launchPermission.public,
    architecture: doc.architecture,
    imageType: 'machine',
    imageOwnerAlias: doc.imageOwnerAlias,
    name: doc.name,
    description: doc.description,
    rootDeviceType: 'ebs',
    rootDeviceName: doc.rootDeviceName,
    blockDeviceMapping: doc.blockDeviceMappings.map((m) => ({
      deviceName: m.deviceName,
      virtualName: m.virtualName,
      noDevice: m.noDevice ? '' : undefined,
      ebs: m.ebs
        ? {
            snapshotId: m.ebs.snapshotId,
            volumeSize: m.ebs.volumeSize,
            deleteOnTermination: m.ebs.deleteOnTermination,
            volumeType: m.ebs.volumeType,
            iops: m.ebs.iops,
            throughput: m.ebs.throughput,
            encrypted:
              m.ebs.snapshotId === undefined
                ? m.ebs.encrypted
                : (snaps.get(m.ebs.snapshotId)?.encrypted ?? m.ebs.encrypted),
          }
        : undefined,
    })),
    virtualizationType: doc.virtualizationType,
    hypervisor: 'xen',
    enaSupport: doc.enaSupport,
    bootMode: doc.bootMode,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    stateReason: state.reason,
    sourceImageId: doc.sourceImageId,
    sourceImageRegion: doc.sourceImageRegion,
    tagSet: tagSet(doc.tags),
  };
}
