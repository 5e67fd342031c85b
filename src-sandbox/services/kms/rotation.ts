import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsInt } from '../validation';
import { kmsError, invalidMarker, limitExceeded, unsupported } from './errors';
import { accessKey } from './key-access';
import { relatedKeys, rotateKey, withMaterial } from './material-versions';
import { DAY_MS, KMS_KEY, scopeOf, type KmsKeyDoc, type MaterialEntry } from './model';
import { KEY_ID, MARKER, oneOf, pageFields, paginate } from './schemas';

export const MAX_ON_DEMAND_ROTATIONS = 25;
const CONFLICT_WINDOW_MS = 20 * 60_000;

const isReplica = (key: KmsKeyDoc) =>
  key.multiRegion !== undefined && key.multiRegion.primaryRegion !== key.region;

/** Automatic rotation: symmetric, AWS_KMS-origin customer keys (reference §2.8, footnote [7]). */
function requireAutoRotatable(key: KmsKeyDoc): void {
  if (key.origin === 'EXTERNAL') {
    throw unsupported(`${key.arn} origin is EXTERNAL which is not valid for this operation.`);
  }
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw unsupported(`${key.arn} key spec ${key.keySpec} is not valid for this operation.`);
  }
  if (key.keyManager === 'AWS') {
    throw unsupported(`${key.arn} is an AWS managed key; its rotation cannot be changed.`);
  }
}

/** Writes the rotation settings to the primary and (multi-Region) every replica. */
function saveRotation(ctx: ServiceContext, key: KmsKeyDoc, settings: Partial<KmsKeyDoc>): void {
  const apply = (k: KmsKeyDoc): KmsKeyDoc => {
    const { rotationPeriodDays: _p, nextRotationDate: _n, ...rest } = k;
    return { ...rest, ...settings };
  };
  ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, apply(key));
  for (const replica of relatedKeys(ctx.store, key)) {
    ctx.store.put(KMS_KEY, scopeOf(replica), replica.keyId, apply(replica));
  }
}

export const getKeyRotationStatus = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  readOnly: true,
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'GetKeyRotationStatus');
    if (key.keyManager === 'AWS') {
      const next = key.nextRotationDate;
      return {
        KeyRotationEnabled: true,
        KeyId: key.arn,
        RotationPeriodInDays: 365,
        ...(next === undefined ? {} : { NextRotationDate: new Date(next) }),
      };
    }
    requireAutoRotatable(key);
    const pending = key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion';
    const enabled = key.rotationEnabled && !pending;
    return {
      KeyRotationEnabled: enabled,
      KeyId: key.arn,
      ...(enabled
        ? {
            RotationPeriodInDays: key.rotationPeriodDays ?? 365,
            ...(key.nextRotationDate === undefined
              ? {}
              : { NextRotationDate: new Date(key.nextRotationDate) }),
          }
        : {}),
    };
  },
  responseElements: null,
});

export const enableKeyRotation = defineOperation({
  input: z.object({ KeyId: KEY_ID, RotationPeriodInDays: awsInt(90, 2560).optional() }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'EnableKeyRotation', {}, requireAutoRotatable);
    if (isReplica(key)) {
      throw unsupported(
        `${key.arn} is a multi-Region replica key; set rotation on its primary key.`,
      );
    }
    const period = input.RotationPeriodInDays ?? 365;
    const now = ctx.now().getTime();
    // Changing the period of an enabled schedule moves the next date by the difference.
    const next =
      key.rotationEnabled && key.nextRotationDate !== undefined
        ? Math.max(now, key.nextRotationDate + (period - (key.rotationPeriodDays ?? 365)) * DAY_MS)
        : now + period * DAY_MS;
    saveRotation(ctx, key, {
      rotationEnabled: true,
      rotationPeriodDays: period,
      nextRotationDate: next,
    });
    return {};
  },
});

export const disableKeyRotation = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'DisableKeyRotation', {}, requireAutoRotatable);
    if (isReplica(key)) {
      throw unsupported(
        `${key.arn} is a multi-Region replica key; set rotation on its primary key.`,
      );
    }
    saveRotation(ctx, key, { rotationEnabled: false });
    return {};
  },
});

/** Imported material waiting to become current (ImportType NEW_KEY_MATERIAL). */
function pendingImportedMaterial(key: KmsKeyDoc): [string, MaterialEntry] | undefined {
  return Object.entries(key.materials).find(
    ([id, m]) =>
      id !== key.currentMaterialId && m.material !== undefined && m.pendingRotation === true,
  );
}

function requireOnDemandRotatable(key: KmsKeyDoc): void {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyManager === 'AWS') {
    throw unsupported(`${key.arn} does not support on-demand rotation.`);
  }
  if (isReplica(key))
    throw unsupported(`${key.arn} is a multi-Region replica key; rotate its primary key.`);
  if (key.origin === 'EXTERNAL' && key.multiRegion) {
    // Reference §2.8: the model texts conflict; the sandbox refuses imported multi-Region keys.
    throw unsupported(`${key.arn} is a multi-Region key with imported key material.`);
  }
}

export const rotateKeyOnDemand = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'RotateKeyOnDemand', {}, requireOnDemandRotatable);
    const onDemand = key.rotations.filter((r) => r.type === 'ON_DEMAND').length;
    if (onDemand >= MAX_ON_DEMAND_ROTATIONS) {
      throw limitExceeded(
        `${key.arn} has reached the maximum number of ${MAX_ON_DEMAND_ROTATIONS} on-demand rotations.`,
      );
    }
    const now = ctx.now().getTime();
    if (
      key.rotationEnabled &&
      key.nextRotationDate !== undefined &&
      key.nextRotationDate - now < CONFLICT_WINDOW_MS
    ) {
      throw kmsError('ConflictException', `An automatic rotation of ${key.arn} is about to start.`);
    }
    if (key.origin === 'EXTERNAL') {
      const pending = pendingImportedMaterial(key);
      if (!pending) {
        throw unsupported(`${key.arn} has no imported key material waiting for rotation.`);
      }
      const [materialId, entry] = pending;
      const { pendingRotation: _p, ...rest } = entry;
      const rotated = withMaterial(key, materialId, rest, {
        materialId,
        date: now,
        type: 'ON_DEMAND',
      });
      ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, rotated);
    } else {
      rotateKey(ctx.store, key, now, 'ON_DEMAND');
    }
    return { KeyId: key.arn };
  },
});

export const listKeyRotations = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    IncludeKeyMaterial: oneOf(['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY']).optional(),
    Limit: awsInt(1, 1000).optional(),
    Marker: MARKER,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'ListKeyRotations');
    if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
      throw unsupported(`${key.arn} key spec ${key.keySpec} is not valid for this operation.`);
    }
    const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL';
    const rotated = new Map(key.rotations.map((r) => [r.materialId, r]));
    const external = key.origin === 'EXTERNAL';
    const rows = key.materialOrder
      .filter((id) => all || rotated.has(id))
      .map((id) => {
        const m = key.materials[id];
        const r = rotated.get(id);
        return {
          KeyId: key.keyId,
          KeyMaterialId: id,
          ...(m?.description === undefined ? {} : { KeyMaterialDescription: m.description }),
          ...(external ? { ImportState: m?.material ? 'IMPORTED' : 'PENDING_IMPORT' } : {}),
          KeyMaterialState:
            id === key.currentMaterialId
              ? 'CURRENT'
              : m?.pendingRotation
                ? 'PENDING_ROTATION'
                : 'NON_CURRENT',
          ...(external && m?.expirationModel ? { ExpirationModel: m.expirationModel } : {}),
          ...(m?.validTo === undefined ? {} : { ValidTo: new Date(m.validTo) }),
          ...(r ? { RotationDate: new Date(r.date), RotationType: r.type } : {}),
        };
      });
    const page = paginate(rows, input.Marker, input.Limit ?? 100, invalidMarker);
    return { Rotations: page.items, ...pageFields(page) };
  },
  responseElements: null,
});
