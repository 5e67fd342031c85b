import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { regionCode } from '../schemas/regions';

/** KMS enums as AWS spells them (aws-behaviour.md §2.2). */
export const keyUsages = [
  'ENCRYPT_DECRYPT',
  'SIGN_VERIFY',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const;
export const keyStates = [
  'Creating',
  'Enabled',
  'Disabled',
  'PendingDeletion',
  'PendingImport',
  'PendingReplicaDeletion',
  'Unavailable',
  'Updating',
] as const;
export const keyOrigins = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** The family of a key spec: what the table's "type" column shows. */
export const keyTypes = ['symmetric', 'rsa', 'ecc', 'hmac', 'sm2', 'ml-dsa'] as const;
export type KeyType = (typeof keyTypes)[number];

/** Who manages the key: AWS owned keys never appear in ListKeys, but the code exists for filters. */
export const keyManagers = ['aws-owned', 'aws', 'customer'] as const;
export type KeyManager = (typeof keyManagers)[number];
export const keyManagerLabels: Readonly<Record<KeyManager, string>> = {
  'aws-owned': 'AWS owned',
  aws: 'AWS managed',
  customer: 'customer managed',
};

/**
 * How the key's material can be rotated (aws-behaviour.md §2.5.4, §2.8):
 * - `automatic`: symmetric AWS_KMS customer key (primary or single-Region) — auto and on demand;
 * - `replica`: a multi-Region replica — set on the primary, inherited;
 * - `on-demand-only`: imported symmetric material — RotateKeyOnDemand only, never automatic;
 * - `manual-only`: asymmetric, HMAC, custom key store — a new key and a re-pointed alias;
 * - `aws-managed`: AWS rotates it every year; not configurable.
 */
export const rotationModes = [
  'automatic',
  'replica',
  'on-demand-only',
  'manual-only',
  'aws-managed',
] as const;
export type RotationMode = (typeof rotationModes)[number];

export const keyRotationSchema = z
  .object({
    mode: z.enum(rotationModes),
    /** null: not known (GetKeyRotationStatus was not allowed or failed; see `fetchErrors`). */
    enabled: z.boolean().nullable(),
    periodDays: z.number().int().nullable(),
    nextRotationDate: z.string().nullable(),
    /** An on-demand rotation is running since this time. */
    onDemandStartedAt: z.string().nullable(),
  })
  .strict();
export type KeyRotation = z.infer<typeof keyRotationSchema>;

export const multiRegionRoles = ['none', 'primary', 'replica'] as const;
export const keyMultiRegionSchema = z
  .object({
    role: z.enum(multiRegionRoles),
    primaryRegion: z.string().nullable(),
    replicaRegions: z.array(z.string()),
  })
  .strict();

/** A per-key call that failed while the rest of the row loaded (e.g. GetKeyPolicy denied). */
export const keyFetchErrorSchema = z
  .object({
    call: z.string().max(64),
    code: z.string().max(200),
    message: z.string().max(2000),
  })
  .strict();

/** One (profile, region) of the inventory's scope. */
export const scopeCellSchema = z
  .object({ profileId: z.string().min(1).max(200), region: regionCode })
  .strict();
export type ScopeCell = z.infer<typeof scopeCellSchema>;

/** One key of one (profile, region): `keyId` alone is not unique across accounts and Regions. */
export const keyRefSchema = scopeCellSchema.extend({ keyId: z.string().min(1).max(2048) }).strict();
export type KeyRef = z.infer<typeof keyRefSchema>;

/** One row of the Keys inventory: a key as seen through one profile in one Region. */
export const keyRowSchema = z
  .object({
    profileId: z.string().max(200),
    profileName: z.string().max(200),
    accountId: z.string().max(12),
    region: z.string().max(30),
    keyId: z.string().max(64),
    arn: z.string().max(2048),
    /** Alias names (`alias/…`) pointing at the key, sorted. */
    aliases: z.array(z.string().max(256)),
    keySpec: z.string().max(64),
    type: z.enum(keyTypes),
    usage: z.enum(keyUsages),
    state: z.enum(keyStates),
    manager: z.enum(keyManagers),
    origin: z.enum(keyOrigins),
    rotation: keyRotationSchema,
    multiRegion: keyMultiRegionSchema,
    createdAt: z.string(),
    description: z.string().max(8192),
    tags: z.record(z.string().max(128), z.string().max(256)),
    /** The key policy JSON as stored; null when it could not be read (see `fetchErrors`). */
    policy: z.string().max(131072).nullable(),
    deletionDate: z.string().nullable(),
    /** Imported material that expires: the earliest expiry. */
    validTo: z.string().nullable(),
    /**
     * An ESTIMATE of the key's monthly storage charge in USD (key-cost.ts, from the published
     * price list); requests are not included. Never a bill.
     */
    estimatedMonthlyCostUsd: z.number().min(0),
    fetchErrors: z.array(keyFetchErrorSchema),
    /** When this row was read from AWS (ISO). */
    fetchedAt: z.string(),
  })
  .strict();
export type KeyRow = z.infer<typeof keyRowSchema>;

/** Loading state of one (profile, region) of the scope. */
export const cellStatuses = ['pending', 'loading', 'done', 'failed'] as const;
export type CellStatus = (typeof cellStatuses)[number];

export const cellStateSchema = scopeCellSchema
  .extend({
    profileName: z.string().max(200),
    status: z.enum(cellStatuses),
    /** Keys listed / keys whose details arrived (while loading). */
    keysListed: z.number().int().min(0),
    keysLoaded: z.number().int().min(0),
    error: serializedErrorSchema.nullable(),
    /** When the cell last finished loading (ISO), else null. */
    loadedAt: z.string().nullable(),
  })
  .strict();
export type CellState = z.infer<typeof cellStateSchema>;

/**
 * Last use of a key (GetKeyLastUsage), fetched lazily for visible rows:
 * `used` / `never-used` (since `trackingStartDate`), `unavailable` where the endpoint does not
 * have the API, `failed` with the error.
 */
export const keyLastUsageSchema = keyRefSchema
  .extend({
    status: z.enum(['used', 'never-used', 'unavailable', 'failed']),
    operation: z.string().max(64).nullable(),
    timestamp: z.string().nullable(),
    trackingStartDate: z.string().nullable(),
    error: serializedErrorSchema.nullable(),
  })
  .strict();
export type KeyLastUsage = z.infer<typeof keyLastUsageSchema>;
