import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { keyMetadataSchema } from './key-metadata';

/** One part of the detail: read on its own, so one refusal (e.g. ListGrants) hides only itself. */
const part = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error: serializedErrorSchema }).strict(),
  ]);

const date = z.string().max(40);

export const keyPolicyPartSchema = z
  .object({ policyName: z.string().max(128), document: z.string().max(131_072) })
  .strict();

export const rotationStatusSchema = z
  .object({
    /** False for keys AWS cannot rotate automatically (asymmetric, HMAC, imported, replicas' settings live on the primary). */
    supported: z.boolean(),
    enabled: z.boolean(),
    periodDays: z.number().int().nullable(),
    nextRotationDate: date.nullable(),
    onDemandRotationStartDate: date.nullable(),
    /** Why automatic rotation is not available, when it is not. */
    unsupportedReason: z.string().max(500).nullable(),
  })
  .strict();

export const rotationEntrySchema = z
  .object({
    keyMaterialId: z.string().max(64).nullable(),
    rotationDate: date.nullable(),
    rotationType: z.string().max(40).nullable(),
  })
  .strict();

export const aliasEntrySchema = z
  .object({
    aliasName: z.string().max(256),
    aliasArn: z.string().max(2048).nullable(),
    creationDate: date.nullable(),
    lastUpdatedDate: date.nullable(),
  })
  .strict();

export const tagEntrySchema = z.object({ key: z.string().max(128), value: z.string().max(256) });

export const grantEntrySchema = z
  .object({
    grantId: z.string().max(128),
    name: z.string().max(256).nullable(),
    creationDate: date.nullable(),
    granteePrincipal: z.string().max(256).nullable(),
    retiringPrincipal: z.string().max(256).nullable(),
    issuingAccount: z.string().max(256).nullable(),
    operations: z.array(z.string().max(60)),
    constraints: z
      .object({
        encryptionContextSubset: z.record(z.string(), z.string()).nullable(),
        encryptionContextEquals: z.record(z.string(), z.string()).nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const publicKeySchema = z
  .object({
    pem: z.string().max(16_384),
    keySpec: z.string().max(40),
    keyUsage: z.string().max(40),
    encryptionAlgorithms: z.array(z.string().max(60)),
    signingAlgorithms: z.array(z.string().max(60)),
  })
  .strict();

export const keyDetailSchema = z
  .object({
    metadata: keyMetadataSchema,
    policy: part(keyPolicyPartSchema),
    rotation: part(rotationStatusSchema),
    rotations: part(z.array(rotationEntrySchema)),
    aliases: part(z.array(aliasEntrySchema)),
    tags: part(z.array(tagEntrySchema)),
    grants: part(z.array(grantEntrySchema)),
    /** Null for symmetric and HMAC keys, which have no public half. */
    publicKey: part(publicKeySchema.nullable()),
  })
  .strict();

export type KeyDetail = z.infer<typeof keyDetailSchema>;
export type GrantEntry = z.infer<typeof grantEntrySchema>;
export type AliasEntry = z.infer<typeof aliasEntrySchema>;
export type RotationStatus = z.infer<typeof rotationStatusSchema>;
export type RotationEntry = z.infer<typeof rotationEntrySchema>;
export type PublicKeyInfo = z.infer<typeof publicKeySchema>;
