import { z } from 'zod';
import { regionCode } from './regions';
import { importMaterialInput, policyDocumentText } from './create-key-input';
import { aliasName, keyIdOrArn, keyRef, tagList } from './key-ref';

const ref = keyRef.shape;

export const scheduleDeletionInput = z
  .object({ ...ref, pendingWindowInDays: z.number().int().min(7).max(30).default(30) })
  .strict();

export const aliasTargetInput = z
  .object({
    profileId: ref.profileId,
    region: regionCode,
    aliasName,
    keyId: keyIdOrArn,
  })
  .strict();

export const aliasRefInput = z
  .object({ profileId: ref.profileId, region: regionCode, aliasName })
  .strict();

export const descriptionInput = z.object({ ...ref, description: z.string().max(8192) }).strict();

export const tagInput = z.object({ ...ref, tags: tagList.refine((t) => t.length > 0) }).strict();

export const untagInput = z
  .object({ ...ref, tagKeys: z.array(z.string().min(1).max(128)).min(1).max(50) })
  .strict();

export const grantOperations = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
] as const;

const principalArn = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\w+=,.@:/-]+$/);
const encryptionContext = z.record(z.string().max(384), z.string().max(384));

export const createGrantInput = z
  .object({
    ...ref,
    granteePrincipal: principalArn,
    retiringPrincipal: principalArn.optional(),
    operations: z.array(z.enum(grantOperations)).min(1),
    name: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[a-zA-Z0-9:/_-]+$/)
      .optional(),
    constraints: z
      .object({
        encryptionContextSubset: encryptionContext.optional(),
        encryptionContextEquals: encryptionContext.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const grantRefInput = z.object({ ...ref, grantId: z.string().min(1).max(128) }).strict();

export const replicateInput = z
  .object({
    ...ref,
    replicaRegion: regionCode,
    description: z.string().max(8192).optional(),
    tags: tagList.optional(),
    policy: policyDocumentText.optional(),
  })
  .strict();

export const updatePrimaryRegionInput = z.object({ ...ref, primaryRegion: regionCode }).strict();

export const enableRotationInput = z
  .object({ ...ref, periodDays: z.number().int().min(90).max(2560).default(365) })
  .strict();

export const manualRotationInput = z
  .object({
    ...ref,
    /** Aliases to move to the new key; absent: every alias of the old key. */
    aliases: z.array(aliasName).max(50).optional(),
    /** Schedule the old key's deletion after this many days; absent: the old key stays enabled. */
    scheduleOldKeyDeletionInDays: z.number().int().min(7).max(30).optional(),
    /** Keys with imported material: where the new key's material comes from (default: made here, no expiry). */
    importMaterial: importMaterialInput.optional(),
    /** Finish an earlier run that failed part-way: its new key, instead of creating another. */
    resumeNewKeyId: z.string().min(1).max(2048).optional(),
  })
  .strict();

export const putPolicyInput = z
  .object({
    ...ref,
    document: policyDocumentText,
    /** The policy as it was read when the user began editing: a different current one is a conflict. */
    basedOn: z.string().max(131_072).nullable().default(null),
    /** Save even though the policy was changed elsewhere since it was read. */
    force: z.boolean().default(false),
  })
  .strict();

export const revertPolicyInput = z
  .object({
    ...ref,
    versionId: z.string().min(1).max(100),
    basedOn: z.string().max(131_072).nullable().default(null),
    force: z.boolean().default(false),
  })
  .strict();

/** Keys across any profiles and Regions, one period for all. */
export const enableRotationBulkInput = z
  .object({
    keys: z.array(keyRef).min(1).max(1000),
    periodDays: z.number().int().min(90).max(2560).default(365),
  })
  .strict();
