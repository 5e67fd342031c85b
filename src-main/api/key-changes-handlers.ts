import type { keyChangesCalls } from '../../src-shared/contract/key-changes';
import { aliasesOfKey, createAlias, deleteAlias, updateAlias } from '../key-operations/key-aliases';
import type { KeyContext } from '../key-operations/key-context';
import { createKey } from '../key-operations/create-key';
import { createGrant, retireGrant, revokeGrant } from '../key-operations/key-grants';
import {
  cancelDeletion,
  disableKey,
  enableKey,
  scheduleDeletion,
  updateDescription,
} from '../key-operations/key-lifecycle';
import { putKeyPolicy, revertKeyPolicy } from '../key-operations/key-policy';
import { disableRotation, enableRotation, rotateNow } from '../key-operations/key-rotation';
import { enableRotationBulk } from '../key-operations/key-rotation-bulk';
import { tagKey, untagKey } from '../key-operations/key-tags';
import { rotateManually } from '../key-operations/manual-rotation';
import { replicateKey, updatePrimaryRegion } from '../key-operations/multi-region';
import type { AreaHandlers } from './handler-types';

export function createKeyChangesHandlers(keys: KeyContext): AreaHandlers<typeof keyChangesCalls> {
  return {
    'keys.create': (input, ctx) => createKey(keys, input, ctx),
    'keys.enable': (ref) => enableKey(keys, ref),
    'keys.disable': (ref) => disableKey(keys, ref),
    'keys.scheduleDeletion': ({ pendingWindowInDays, ...ref }) =>
      scheduleDeletion(keys, ref, pendingWindowInDays),
    'keys.cancelDeletion': (ref) => cancelDeletion(keys, ref),
    'keys.createAlias': (input) => createAlias(keys, input),
    'keys.updateAlias': (input) => updateAlias(keys, input),
    'keys.deleteAlias': (input) => deleteAlias(keys, input),
    'keys.aliases': (ref) => aliasesOfKey(keys, ref),
    'keys.updateDescription': ({ description, ...ref }) =>
      updateDescription(keys, ref, description),
    'keys.tag': ({ tags, ...ref }) => tagKey(keys, ref, tags),
    'keys.untag': ({ tagKeys, ...ref }) => untagKey(keys, ref, tagKeys),
    'keys.createGrant': ({ profileId, region, keyId, ...grant }) =>
      createGrant(keys, { profileId, region, keyId }, grant),
    'keys.revokeGrant': ({ grantId, ...ref }) => revokeGrant(keys, ref, grantId),
    'keys.retireGrant': ({ grantId, ...ref }) => retireGrant(keys, ref, grantId),
    'keys.replicate': ({ replicaRegion, description, tags, policy, ...ref }) =>
      replicateKey(keys, ref, replicaRegion, { description, tags, policy }),
    'keys.updatePrimaryRegion': ({ primaryRegion, ...ref }) =>
      updatePrimaryRegion(keys, ref, primaryRegion),
    'keys.enableRotation': ({ periodDays, ...ref }) => enableRotation(keys, ref, periodDays),
    'keys.enableRotationBulk': (input, ctx) => enableRotationBulk(keys, input, ctx),
    'keys.disableRotation': (ref) => disableRotation(keys, ref),
    'keys.rotateNow': (ref) => rotateNow(keys, ref),
    'keys.rotateManually': (
      { aliases, scheduleOldKeyDeletionInDays, importMaterial, resumeNewKeyId, ...ref },
      ctx,
    ) =>
      rotateManually(
        keys,
        ref,
        { aliases, scheduleOldKeyDeletionInDays, importMaterial, resumeNewKeyId },
        ctx,
      ),
    'keys.putPolicy': ({ document, basedOn, force, ...ref }) =>
      putKeyPolicy(keys, ref, document, { basedOn, force }),
    'keys.revertPolicy': ({ versionId, basedOn, force, ...ref }) =>
      revertKeyPolicy(keys, ref, versionId, { basedOn, force }),
  };
}
