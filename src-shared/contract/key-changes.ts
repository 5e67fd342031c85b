import {
  aliasChangeSchema,
  aliasesResultSchema,
  createKeyPartialSchema,
  createKeyResultSchema,
  deletionCancelledSchema,
  deletionScheduledSchema,
  grantCreatedSchema,
  grantEndedSchema,
  manualRotationPartialSchema,
  manualRotationResultSchema,
  metadataResultSchema,
  policySavedSchema,
  primaryRegionSchema,
  replicaCreatedSchema,
  rotateNowSchema,
  rotationResultSchema,
  tagsResultSchema,
} from '../models/key-changes';
import { bulkRotationPartialSchema, bulkRotationResultSchema } from '../models/bulk-rotation';
import { createKeyInput } from '../schemas/create-key-input';
import {
  aliasRefInput,
  aliasTargetInput,
  createGrantInput,
  descriptionInput,
  enableRotationBulkInput,
  enableRotationInput,
  grantRefInput,
  manualRotationInput,
  putPolicyInput,
  replicateInput,
  revertPolicyInput,
  scheduleDeletionInput,
  tagInput,
  untagInput,
  updatePrimaryRegionInput,
} from '../schemas/key-change-input';
import { keyRef } from '../schemas/key-ref';
import { invoke, operation } from './define';

export const keyChangesCalls = {
  'keys.create': operation({
    summary:
      'Creates a key (symmetric, RSA, ECC, HMAC; KMS or imported material; single- or multi-Region with replicas), its alias and tags; progress per step. With continueKeyId: only the steps still missing for that key, which an earlier attempt created.',
    input: createKeyInput,
    result: createKeyResultSchema,
    partial: createKeyPartialSchema,
  }),
  'keys.enable': invoke({
    summary: 'Enables a key (EnableKey).',
    input: keyRef,
    output: metadataResultSchema,
  }),
  'keys.disable': invoke({
    summary: 'Disables a key (DisableKey): nothing can encrypt or decrypt with it until enabled.',
    input: keyRef,
    output: metadataResultSchema,
  }),
  'keys.scheduleDeletion': invoke({
    summary: 'Schedules the key’s deletion after 7–30 days (default 30) and says when.',
    input: scheduleDeletionInput,
    output: deletionScheduledSchema,
  }),
  'keys.cancelDeletion': invoke({
    summary: 'Cancels a scheduled deletion; the key comes back Disabled.',
    input: keyRef,
    output: deletionCancelledSchema,
  }),
  'keys.createAlias': invoke({
    summary: 'Creates an alias for a key.',
    input: aliasTargetInput,
    output: aliasChangeSchema,
  }),
  'keys.updateAlias': invoke({
    summary: 'Re-points an alias at another key of the same type and usage (UpdateAlias).',
    input: aliasTargetInput,
    output: aliasChangeSchema,
  }),
  'keys.deleteAlias': invoke({
    summary: 'Deletes an alias; the key is untouched.',
    input: aliasRefInput,
    output: aliasChangeSchema,
  }),
  'keys.updateDescription': invoke({
    summary: 'Changes a key’s description.',
    input: descriptionInput,
    output: metadataResultSchema,
  }),
  'keys.tag': invoke({
    summary: 'Adds or replaces tags on a key; answers with all its tags.',
    input: tagInput,
    output: tagsResultSchema,
  }),
  'keys.untag': invoke({
    summary: 'Removes tags from a key; answers with the tags left.',
    input: untagInput,
    output: tagsResultSchema,
  }),
  'keys.aliases': invoke({
    summary: 'The aliases that point at a key.',
    input: keyRef,
    output: aliasesResultSchema,
  }),
  'keys.createGrant': invoke({
    summary: 'Creates a grant on a key for a principal and operations.',
    input: createGrantInput,
    output: grantCreatedSchema,
  }),
  'keys.revokeGrant': invoke({
    summary: 'Revokes a grant (as the key’s administrator).',
    input: grantRefInput,
    output: grantEndedSchema,
  }),
  'keys.retireGrant': invoke({
    summary: 'Retires a grant (as its retiring principal, grantee or issuing account).',
    input: grantRefInput,
    output: grantEndedSchema,
  }),
  'keys.replicate': invoke({
    summary: 'Replicates a multi-Region primary key to another Region.',
    input: replicateInput,
    output: replicaCreatedSchema,
  }),
  'keys.updatePrimaryRegion': invoke({
    summary: 'Makes the replica in another Region the primary (UpdatePrimaryRegion).',
    input: updatePrimaryRegionInput,
    output: primaryRegionSchema,
  }),
  'keys.enableRotation': invoke({
    summary: 'Turns automatic rotation on with a period of 90–2560 days (default 365).',
    input: enableRotationInput,
    output: rotationResultSchema,
  }),
  'keys.enableRotationBulk': operation({
    summary:
      'Turns automatic rotation on for many keys across profiles and Regions (one period); skips keys already on or that AWS cannot rotate, and reports each key as it finishes.',
    input: enableRotationBulkInput,
    result: bulkRotationResultSchema,
    partial: bulkRotationPartialSchema,
  }),
  'keys.disableRotation': invoke({
    summary: 'Turns automatic rotation off.',
    input: keyRef,
    output: rotationResultSchema,
  }),
  'keys.rotateNow': invoke({
    summary: 'Rotates the key material now (RotateKeyOnDemand); the schedule is unchanged.',
    input: keyRef,
    output: rotateNowSchema,
  }),
  'keys.rotateManually': operation({
    summary:
      'Manual rotation: a new key with the same spec, usage, policy, tags and description, its aliases re-pointed, the old key kept enabled (deletion optional) and checked with a probe made before; resumable from the new key after a failure.',
    input: manualRotationInput,
    result: manualRotationResultSchema,
    partial: manualRotationPartialSchema,
  }),
  'keys.putPolicy': invoke({
    summary:
      'Saves a key policy after the lockout check, refusing one changed elsewhere since it was read (unless forced); the version is kept locally.',
    input: putPolicyInput,
    output: policySavedSchema,
  }),
  'keys.revertPolicy': invoke({
    summary: 'Puts a saved policy version back (recorded as a new version).',
    input: revertPolicyInput,
    output: policySavedSchema,
  }),
} as const;
