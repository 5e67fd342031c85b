import { z } from 'zod';
import { ebsEncryptionSchema, ebsOwnerships } from './ebs-key';

/** Snapshot states as EC2 spells them (aws-behaviour.md §3.2). */
export const snapshotStates = [
  'pending',
  'completed',
  'error',
  'recoverable',
  'recovering',
] as const;

/** One row of the Snapshots page: an EBS snapshot as seen through one profile in one Region. */
export const snapshotRowSchema = z
  .object({
    profileId: z.string().max(200),
    profileName: z.string().max(200),
    /** The profile's account. */
    accountId: z.string().max(12),
    region: z.string().max(30),
    snapshotId: z.string().max(64),
    description: z.string().max(1024),
    volumeId: z.string().max(64),
    sizeGiB: z.number().int().min(0),
    state: z.enum(snapshotStates),
    /** "0%"…"100%" as EC2 reports it. */
    progress: z.string().max(8),
    /** Why a snapshot is in `error` (e.g. "Given key ID is not accessible"). */
    stateMessage: z.string().max(2000).nullable(),
    startTime: z.string().nullable(),
    ownerId: z.string().max(12),
    ownership: z.enum(ebsOwnerships),
    encryption: ebsEncryptionSchema,
    /** The owner's tags (another account's tags are not visible: empty). */
    tags: z.record(z.string().max(128), z.string().max(256)),
    fetchedAt: z.string(),
  })
  .strict();
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

export const snapshotRowId = (row: Pick<SnapshotRow, 'profileId' | 'region' | 'snapshotId'>) =>
  `${row.profileId}|${row.region}|${row.snapshotId}`;
