import { SANDBOX_SCOPE } from '../../seed/seeder';
import type { ServiceContext } from '../types';
import { ec2Error, requireWellFormed, snapshotNotFound, tagSet } from './common';
import { workState } from './lifecycle';
import {
  EC2_SANDBOX_SETTINGS,
  EC2_SETTINGS_ID,
  SNAPSHOT,
  SNAPSHOT_QUOTA,
  type SnapshotDoc,
} from './model';

/** Visible to `account`: owned, shared with it explicitly, or public (reference §3.3). */
export function snapshotVisibleTo(doc: SnapshotDoc, account: string): boolean {
  return (
    doc.ownerId === account ||
    doc.createVolumePermission.public ||
    doc.createVolumePermission.userIds.includes(account)
  );
}

/** Every snapshot in a Region, all accounts. */
export function snapshotsInRegion(ctx: ServiceContext, region: string): SnapshotDoc[] {
  return ctx.store
    .listAll(SNAPSHOT)
    .map((d) => d.value)
    .filter((d) => d.region === region);
}

/** A snapshot the caller can see in `region`, or `InvalidSnapshot.Malformed/NotFound`. */
export function findSnapshot(ctx: ServiceContext, id: string, region = ctx.region): SnapshotDoc {
  requireWellFormed('snap', id);
  const found = ctx.store.findById(SNAPSHOT, id)?.value;
  if (!found || found.region !== region || !snapshotVisibleTo(found, ctx.account)) {
    throw snapshotNotFound(id);
  }
  return found;
}

/** A snapshot the caller owns; others' visible snapshots → `UnauthorizedOperation`. */
export function findOwnSnapshot(ctx: ServiceContext, id: string): SnapshotDoc {
  const found = findSnapshot(ctx, id);
  if (found.ownerId !== ctx.account) {
    throw ec2Error(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation on snapshot '${id}' owned by ${found.ownerId}.`,
      403,
    );
  }
  return found;
}

/**
 * `SnapshotLimitExceeded` when the caller's account already has its quota of snapshots in
 * this Region (reference §3.9; message from AWS's error-code list, exact text UNCONFIRMED).
 */
export function requireSnapshotQuota(ctx: ServiceContext, adding = 1): void {
  const settings = ctx.store.get(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID);
  const quota = settings?.snapshotQuota ?? SNAPSHOT_QUOTA;
  const have = ctx.store.list(SNAPSHOT, { account: ctx.account, region: ctx.region }).length;
  if (have + adding > quota) {
    throw ec2Error(
      'SnapshotLimitExceeded',
      `You've reached the limit on the number of Amazon EBS snapshots that you can create (${quota}).`,
    );
  }
}

export function putSnapshot(ctx: ServiceContext, doc: SnapshotDoc): void {
  ctx.store.put(SNAPSHOT, { account: doc.ownerId, region: doc.region }, doc.snapshotId, doc);
}

export type SnapshotStatus = 'pending' | 'completed' | 'error';

export function snapshotStatus(
  doc: SnapshotDoc,
  nowMs: number,
): {
  status: SnapshotStatus;
  progress: string;
  message?: string;
} {
  const s = workState(doc, nowMs);
  if (s.phase === 'done') return { status: 'completed', progress: '100%' };
  if (s.phase === 'failed') {
    return { status: 'error', progress: `${s.percent}%`, message: s.failureMessage ?? '' };
  }
  return { status: 'pending', progress: `${s.percent}%` };
}

/** The `Snapshot` shape under its XML names. */
export function snapshotView(doc: SnapshotDoc, nowMs: number) {
  const s = snapshotStatus(doc, nowMs);
  return {
    snapshotId: doc.snapshotId,
    volumeId: doc.volumeId,
    status: s.status,
    statusMessage: s.message,
    startTime: new Date(doc.startTime),
    progress: s.progress,
    ownerId: doc.ownerId,
    ownerAlias: doc.ownerAlias,
    description: doc.description,
    volumeSize: doc.volumeSize,
    encrypted: doc.encrypted,
    kmsKeyId: doc.kmsKeyArn,
    dataEncryptionKeyId: doc.dataEncryptionKeyId,
    tagSet: tagSet(doc.tags),
    storageTier: 'standard',
    sseType: doc.encrypted ? 'sse-ebs' : 'none',
    ...(s.status === 'completed'
      ? { completionTime: new Date(doc.startedAtMs + doc.durationMs) }
      : {}),
  };
}

/** Source snapshots must be `completed` (reference §3.3). */
export function requireCompleted(doc: SnapshotDoc, nowMs: number): void {
  const s = snapshotStatus(doc, nowMs);
  if (s.status !== 'completed') {
    throw ec2Error('IncorrectState', `Snapshot is in invalid state - ${s.status}`);
  }
}
