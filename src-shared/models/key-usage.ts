import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { keyActivityResultSchema } from './key-activity';
import { aliasEntrySchema } from './key-detail';

const date = z.string().max(40).nullable();
const where = { profileId: z.string().max(200), region: z.string().max(30) };

export const usageScopeResultSchema = z
  .object({
    ...where,
    accountId: z.string().max(12).nullable(),
    error: serializedErrorSchema.nullable(),
  })
  .strict();

export const volumeUseSchema = z
  .object({
    ...where,
    volumeId: z.string().max(64),
    state: z.string().max(40).nullable(),
    sizeGiB: z.number().nullable(),
    name: z.string().max(256).nullable(),
    kmsKeyId: z.string().max(2048),
    attachedTo: z.array(z.string().max(64)),
  })
  .strict();

export const snapshotUseSchema = z
  .object({
    ...where,
    snapshotId: z.string().max(64),
    state: z.string().max(40).nullable(),
    volumeId: z.string().max(64).nullable(),
    startTime: date,
    description: z.string().max(512).nullable(),
    name: z.string().max(256).nullable(),
    kmsKeyId: z.string().max(2048),
  })
  .strict();

export const imageUseSchema = z
  .object({
    ...where,
    imageId: z.string().max(64),
    name: z.string().max(256).nullable(),
    state: z.string().max(40).nullable(),
    /** The image's snapshots that are encrypted with the key. */
    snapshotIds: z.array(z.string().max(64)),
  })
  .strict();

/** Volumes, owned snapshots and owned AMIs in the scope that depend on one key. */
export const keyUsageSchema = z
  .object({
    keyArn: z.string().max(2048),
    scope: z.array(usageScopeResultSchema),
    volumes: z.array(volumeUseSchema),
    snapshots: z.array(snapshotUseSchema),
    images: z.array(imageUseSchema),
  })
  .strict();

/** What deleting the key would break: the usage, the default-EBS-key settings and the aliases. */
export const deletionImpactSchema = z
  .object({
    usage: keyUsageSchema,
    /** Profile × region pairs whose EBS default key is this key (new volumes would fail). */
    defaultEbsKeyIn: z.array(z.object(where).strict()),
    aliases: z.array(aliasEntrySchema),
    aliasesError: serializedErrorSchema.nullable(),
    keyState: z.string().max(40),
    /** Recent use from CloudTrail's event history (90 days), or why it could not be read. */
    recentUse: keyActivityResultSchema,
    /** A short verdict: how many resources would become unreadable. */
    summary: z.string().max(1000),
  })
  .strict();

export type KeyUsage = z.infer<typeof keyUsageSchema>;
export type DeletionImpact = z.infer<typeof deletionImpactSchema>;
export type UsageScopeResult = z.infer<typeof usageScopeResultSchema>;
