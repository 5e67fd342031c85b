import { z } from 'zod';
import { stepSpecSchema } from '../models/workflow-plan';
import { regionCode } from './regions';

const snapshotId = z
  .string()
  .regex(/^snap-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, 'a snapshot id (snap-…)');
/** A key id, key ARN, alias name or alias ARN, as CopySnapshot's KmsKeyId takes it. */
const kmsKeyRef = z.string().min(1).max(2048);

/** Wizard 1: copy a snapshot to another Region, re-encrypted with a key of that Region. */
export const copySnapshotRequest = z
  .object({
    job: z.literal('copy-snapshot'),
    profileId: z.string().min(1).max(200),
    sourceRegion: regionCode,
    snapshotId,
    destinationRegion: regionCode,
    kmsKeyId: kmsKeyRef,
    copyTags: z.boolean().default(true),
    description: z.string().max(255).optional(),
  })
  .strict();

/**
 * Wizard 2 (its engine part): share an encrypted snapshot with another account — the key policy
 * statement, the createVolumePermission — then, as the target profile, copy it re-encrypted with
 * a key of the target's. `stopAfterShare`: the other account runs its own side (the runbook).
 */
export const shareSnapshotRequest = z
  .object({
    job: z.literal('share-snapshot'),
    profileId: z.string().min(1).max(200),
    region: regionCode,
    snapshotId,
    targetProfileId: z.string().min(1).max(200),
    targetRegion: regionCode,
    targetKmsKeyId: kmsKeyRef,
    /** Limit the target's use of the key to EC2 in the snapshot's Region (kms:ViaService). */
    viaEc2Only: z.boolean().default(true),
    stopAfterShare: z.boolean().default(false),
    /**
     * A customer managed key of the owner, in the snapshot's Region: a snapshot on aws/ebs cannot
     * be shared, so a copy re-encrypted with this key is shared instead.
     */
    reencryptKmsKeyId: kmsKeyRef.optional(),
    /** Then, as the target, create a volume from its copy in this zone (of the target Region). */
    volumeAvailabilityZone: z
      .string()
      .regex(/^[a-z]{2}(?:-[a-z]+)+-\d[a-z]$/, 'an Availability Zone (us-east-1a)')
      .optional(),
  })
  .strict();

/** What a wizard asks the engine to plan; more jobs join this union. */
export const workflowRequest = z.discriminatedUnion('job', [
  copySnapshotRequest,
  shareSnapshotRequest,
]);
export type WorkflowRequest = z.output<typeof workflowRequest>;

const runId = z.string().regex(/^[a-z0-9-]{8,64}$/);

/** A request and, once previewed, the run id its plan was built for (the tags name it). */
export const planInput = z
  .object({
    request: workflowRequest,
    runId: runId.optional(),
    /** Fix steps preflight offered and the user accepted; they run first. */
    fixes: z.array(stepSpecSchema).max(10).default([]),
  })
  .strict();
export const runRefInput = z.object({ runId }).strict();
export const undoInput = z
  .object({
    runId,
    /** Undo may delete what the run created (a snapshot copy): only when confirmed. */
    confirmDeletes: z.boolean().default(false),
  })
  .strict();
export const runbookInput = z.union([planInput, runRefInput]);
/** A share run that stopped after the share: what the other account runs (its hand-off). */
export const handoffInput = z.object({ request: shareSnapshotRequest, runId }).strict();
