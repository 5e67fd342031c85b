import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { awsInt } from '../validation';
import { accessKey } from './key-access';
import { relatedKeys } from './material-versions';
import { DAY_MS, KMS_KEY, scopeOf, type KmsKeyDoc } from './model';
import { KEY_ID, kmsTrailMembers } from './schemas';

/** Whether an EXTERNAL key lacks usable material (it returns to PendingImport, not Disabled). */
function lacksMaterial(key: KmsKeyDoc): boolean {
  return key.origin === 'EXTERNAL' && key.materials[key.currentMaterialId]?.material === undefined;
}

export const scheduleKeyDeletion = defineOperation({
  // Model range 1–365; the service accepts 7–30 (reference §2.5.1).
  input: z.object({ KeyId: KEY_ID, PendingWindowInDays: awsInt(7, 30).optional() }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'ScheduleKeyDeletion');
    const window = input.PendingWindowInDays ?? 30;
    const isPrimary = key.multiRegion?.primaryRegion === key.region;
    const waitsForReplicas = isPrimary && relatedKeys(ctx.store, key).length > 0;
    const { deletionDate: _d, ...rest } = key;
    const updated: KmsKeyDoc = waitsForReplicas
      ? { ...rest, keyState: 'PendingReplicaDeletion', pendingWindowInDays: window }
      : {
          ...rest,
          keyState: 'PendingDeletion',
          pendingWindowInDays: window,
          deletionDate: ctx.now().getTime() + window * DAY_MS,
        };
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
    return {
      KeyId: key.arn,
      ...(updated.deletionDate === undefined
        ? {}
        : { DeletionDate: new Date(updated.deletionDate) }),
      KeyState: updated.keyState,
      PendingWindowInDays: window,
    };
  },
  responseElements: (output) => kmsTrailMembers(output),
});

export const cancelKeyDeletion = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'CancelKeyDeletion');
    const { deletionDate: _d, pendingWindowInDays: _w, ...rest } = key;
    // UNCONFIRMED: an EXTERNAL key without material returns to PendingImport (reference §2.4).
    const updated: KmsKeyDoc = {
      ...rest,
      keyState: lacksMaterial(key) ? 'PendingImport' : 'Disabled',
    };
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
    return { KeyId: key.arn };
  },
});
