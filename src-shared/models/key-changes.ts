import { z } from 'zod';
import { aliasEntrySchema, rotationStatusSchema, tagEntrySchema } from './key-detail';
import { keyMetadataSchema } from './key-metadata';

const date = z.string().max(40);

/** What keys.create's progress carries once the key exists, so a retry continues from it. */
export const createKeyPartialSchema = z
  .object({
    createdKey: z.object({ keyId: z.string().max(64), arn: z.string().max(2048) }).strict(),
  })
  .strict();

export const createKeyResultSchema = z
  .object({
    metadata: keyMetadataSchema,
    alias: z.string().max(256).nullable(),
    replicas: z.array(
      z
        .object({
          region: z.string().max(30),
          arn: z.string().max(2048),
          keyState: z.string().max(40),
        })
        .strict(),
    ),
    importedMaterial: z
      .object({
        keyMaterialId: z.string().max(64).nullable(),
        expirationModel: z.string().max(60),
        validTo: date.nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const deletionScheduledSchema = z
  .object({
    keyId: z.string().max(2048),
    keyState: z.string().max(40),
    deletionDate: date.nullable(),
    pendingWindowInDays: z.number().int(),
    /** Plain words for the page: when, and what it means. */
    message: z.string().max(1000),
  })
  .strict();

export const deletionCancelledSchema = z
  .object({
    keyId: z.string().max(2048),
    keyState: z.string().max(40),
    message: z.string().max(1000),
  })
  .strict();

export const metadataResultSchema = z.object({ metadata: keyMetadataSchema }).strict();

export const aliasChangeSchema = z
  .object({ aliasName: z.string().max(256), targetKeyId: z.string().max(2048).nullable() })
  .strict();

export const aliasesResultSchema = z.object({ aliases: z.array(aliasEntrySchema) }).strict();
export const tagsResultSchema = z.object({ tags: z.array(tagEntrySchema) }).strict();

export const grantCreatedSchema = z.object({ grantId: z.string().max(128) }).strict();
export const grantEndedSchema = z
  .object({ grantId: z.string().max(128), ended: z.enum(['revoked', 'retired']) })
  .strict();

export const replicaCreatedSchema = z.object({ replica: keyMetadataSchema }).strict();
export const primaryRegionSchema = z
  .object({ keyId: z.string().max(2048), primaryRegion: z.string().max(30) })
  .strict();

export const rotationResultSchema = z.object({ rotation: rotationStatusSchema }).strict();
export const rotateNowSchema = z
  .object({ keyId: z.string().max(2048), message: z.string().max(1000) })
  .strict();

/** Data made with the old key before the rotation, checked with it afterwards. */
export const rotationProbeSchema = z
  .object({
    kind: z.enum(['decrypt', 'verify-signature', 'verify-mac']),
    status: z.enum(['passed', 'failed', 'not-checked']),
    message: z.string().max(2000),
  })
  .strict();

export const manualRotationResultSchema = z
  .object({
    oldKey: keyMetadataSchema,
    newKey: keyMetadataSchema,
    /** Aliases that now point at the new key. */
    aliases: z.array(z.string().max(256)),
    oldKeyDeletionDate: date.nullable(),
    verification: rotationProbeSchema.nullable(),
  })
  .strict();

/** What a manual rotation has done so far: after a failure, where a resumed run starts from. */
export const manualRotationPartialSchema = z
  .object({
    newKeyArn: z.string().max(2048).nullable(),
    materialImported: z.boolean(),
    replicated: z.array(z.string().max(30)),
    aliasesMoved: z.array(z.string().max(256)),
  })
  .strict();

export const policyVersionSchema = z
  .object({
    id: z.string().max(100),
    savedAt: date,
    /** The caller ARN that saved it (or read it, for the version found before the first save). */
    savedBy: z.string().max(2048),
    source: z.enum(['found', 'saved', 'reverted']),
    revertedFrom: z.string().max(100).nullable(),
    document: z.string().max(131_072),
  })
  .strict();

export const policyVersionsSchema = z.object({ versions: z.array(policyVersionSchema) }).strict();
export const policySavedSchema = z.object({ version: policyVersionSchema }).strict();

export type CreateKeyResult = z.infer<typeof createKeyResultSchema>;
export type CreateKeyPartial = z.infer<typeof createKeyPartialSchema>;
export type PolicyVersion = z.infer<typeof policyVersionSchema>;
export type ManualRotationResult = z.infer<typeof manualRotationResultSchema>;
export type ManualRotationPartial = z.infer<typeof manualRotationPartialSchema>;
export type RotationProbe = z.infer<typeof rotationProbeSchema>;
