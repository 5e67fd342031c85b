import type { ServiceContext } from '../types';
import { generateMaterial } from './crypto';
import { recordServiceEvent, relatedKeys, rotateKey } from './material-versions';
import {
  DAY_MS,
  KMS_ALIAS,
  KMS_GRANT,
  KMS_IMPORT_TOKEN,
  KMS_KEY,
  KMS_KEY_USAGE,
  scopeOf,
  type KmsKeyDoc,
  type MaterialEntry,
} from './model';

/** Bound on catch-up rotations when the sandbox was off for several periods. */
const MAX_CATCH_UP = 25;

/** Deletes a key with its aliases, grants, usage and import tokens (reference §2.9). */
export function deleteKeyNow(ctx: ServiceContext, key: KmsKeyDoc, at: number): void {
  const scope = scopeOf(key);
  const { store } = ctx;
  store.delete(KMS_KEY, scope, key.keyId);
  store.delete(KMS_KEY_USAGE, scope, key.keyId);
  for (const alias of store.list(KMS_ALIAS, scope)) {
    if (alias.targetKeyId === key.keyId) store.delete(KMS_ALIAS, scope, alias.aliasName);
  }
  for (const grant of store.list(KMS_GRANT, scope)) {
    if (grant.keyId === key.keyId) store.delete(KMS_GRANT, scope, grant.grantId);
  }
  for (const token of store.list(KMS_IMPORT_TOKEN, scope)) {
    if (token.keyArn === key.arn) store.delete(KMS_IMPORT_TOKEN, scope, token.tokenId);
  }
  recordServiceEvent(ctx, key, 'DeleteKey', at);
}

function expireMaterial(ctx: ServiceContext, key: KmsKeyDoc, now: number): KmsKeyDoc {
  if (key.origin !== 'EXTERNAL') return key;
  const expired = Object.entries(key.materials).filter(
    ([, m]) => m.material !== undefined && m.validTo !== undefined && m.validTo <= now,
  );
  if (expired.length === 0) return key;
  const materials: Record<string, MaterialEntry> = { ...key.materials };
  for (const [id, entry] of expired) {
    const { material: _gone, validTo: _v, expirationModel: _e, ...rest } = entry;
    materials[id] = { ...rest, importState: 'PENDING_IMPORT' };
  }
  const pendingDeletion =
    key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion';
  const updated: KmsKeyDoc = {
    ...key,
    materials,
    keyState: pendingDeletion ? key.keyState : 'PendingImport',
  };
  ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
  for (const [, entry] of expired)
    recordServiceEvent(ctx, key, 'DeleteExpiredKeyMaterial', entry.validTo ?? now);
  return updated;
}

function rotateWhenDue(ctx: ServiceContext, key: KmsKeyDoc, now: number): KmsKeyDoc {
  const isPrimaryOrSingle = !key.multiRegion || key.multiRegion.primaryRegion === key.region;
  if (!isPrimaryOrSingle || !key.rotationEnabled || key.keyState !== 'Enabled') return key;
  let current = key;
  let due = key.nextRotationDate;
  const period = (key.rotationPeriodDays ?? 365) * DAY_MS;
  for (let i = 0; due !== undefined && due <= now && i < MAX_CATCH_UP; i++) {
    current = rotateKey(ctx.store, current, due, 'AUTOMATIC');
    recordServiceEvent(ctx, current, 'RotateKey', due);
    due += period;
  }
  if (due !== key.nextRotationDate) {
    current = { ...current, nextRotationDate: due };
    ctx.store.put(KMS_KEY, scopeOf(current), current.keyId, current);
  }
  return current;
}

/** Generates material the seed deferred (see MaterialEntry.deferred); on a key's first use. */
export function materializeDeferred(ctx: ServiceContext, key: KmsKeyDoc): KmsKeyDoc {
  const deferred = Object.entries(key.materials).filter(([, m]) => m.deferred === true);
  if (deferred.length === 0) return key;
  const materials: Record<string, MaterialEntry> = { ...key.materials };
  for (const [id, entry] of deferred) {
    const { deferred: _d, ...rest } = entry;
    materials[id] = { ...rest, material: generateMaterial(key.keySpec) };
  }
  const updated = { ...key, materials };
  ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
  return updated;
}

/**
 * Applies what happened since the key was last looked at, as AWS would have done in the
 * background: the end of a deletion waiting period, the last replica of a primary in
 * PendingReplicaDeletion going away, imported material expiring, scheduled rotations.
 * Returns undefined when the key no longer exists.
 */
export function refreshKey(ctx: ServiceContext, key: KmsKeyDoc): KmsKeyDoc | undefined {
  const now = ctx.now().getTime();
  if (
    key.keyState === 'PendingDeletion' &&
    key.deletionDate !== undefined &&
    key.deletionDate <= now
  ) {
    deleteKeyNow(ctx, key, key.deletionDate);
    return undefined;
  }
  let current = key;
  if (current.keyState === 'PendingReplicaDeletion') {
    const replicas = relatedKeys(ctx.store, current).filter(
      (r) => refreshKey(ctx, r) !== undefined,
    );
    if (replicas.length === 0) {
      const window = current.pendingWindowInDays ?? 30;
      current = { ...current, keyState: 'PendingDeletion', deletionDate: now + window * DAY_MS };
      ctx.store.put(KMS_KEY, scopeOf(current), current.keyId, current);
    }
  }
  if (current.multiRegion && current.multiRegion.primaryRegion !== current.region) {
    // A replica's scheduled rotation happens on its primary; bring the primary up to date.
    const scope = { account: current.account, region: current.multiRegion.primaryRegion };
    const primary = ctx.store.get(KMS_KEY, scope, current.keyId);
    if (primary && primary.keyState === 'Enabled') {
      rotateWhenDue(ctx, primary, now);
      current = ctx.store.get(KMS_KEY, scopeOf(current), current.keyId) ?? current;
    }
  }
  current = expireMaterial(ctx, current, now);
  return rotateWhenDue(ctx, current, now);
}

/** Every live key of a scope (ListKeys, ListAliases). */
export function liveKeys(
  ctx: ServiceContext,
  scope: { account: string; region: string },
): KmsKeyDoc[] {
  const out: KmsKeyDoc[] = [];
  for (const key of ctx.store.list(KMS_KEY, scope)) {
    const live = refreshKey(ctx, key);
    if (live) out.push(live);
  }
  return out;
}
