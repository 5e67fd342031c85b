import { z } from 'zod';
import { scopeCellSchema } from '../models/kms-key';
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

/**
 * Wizard 4: a copy of a snapshot, or a new volume from a volume, encrypted under another key of
 * the same Region (e.g. off aws/ebs so that it can be shared); the original stays untouched.
 */
export const reencryptRequest = z
  .object({
    job: z.literal('reencrypt'),
    profileId: z.string().min(1).max(200),
    region: regionCode,
    source: z.union([
      z.object({ snapshotId }).strict(),
      z
        .object({ volumeId: z.string().regex(/^vol-[0-9a-f]{8,17}$/, 'a volume id (vol-…)') })
        .strict(),
    ]),
    kmsKeyId: kmsKeyRef,
    copyTags: z.boolean().default(true),
    /** Volume only: delete the intermediate snapshots once the new volume exists. */
    deleteIntermediate: z.boolean().default(false),
  })
  .strict();

/**
 * Wizard 3: share an AMI with another account — every backing snapshot's key, the launch
 * permission — then, as the target profile, copy the AMI re-encrypted with a key of the target's
 * (`copy-image`), launch an instance with re-encrypted volumes (`launch`, in the AMI's Region), or
 * stop there (`none`: the runbook is the hand-off).
 */
export const shareAmiRequest = z
  .object({
    job: z.literal('share-ami'),
    profileId: z.string().min(1).max(200),
    region: regionCode,
    imageId: z.string().regex(/^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, 'an AMI id (ami-…)'),
    targetProfileId: z.string().min(1).max(200),
    targetRegion: regionCode,
    targetKmsKeyId: kmsKeyRef,
    viaEc2Only: z.boolean().default(true),
    /**
     * A customer managed key of the owner, in the AMI's Region: an AMI with a snapshot on aws/ebs
     * cannot be shared, so a copy re-encrypted with this key is shared instead.
     */
    reencryptKmsKeyId: kmsKeyRef.optional(),
    then: z.enum(['copy-image', 'launch', 'none']),
    instanceType: z
      .string()
      .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/)
      .max(40)
      .optional(),
    subnetId: z
      .string()
      .regex(/^subnet-[0-9a-f]{8,17}$/)
      .optional(),
    availabilityZone: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/)
      .optional(),
  })
  .strict()
  .refine((r) => r.then !== 'launch' || r.instanceType !== undefined, {
    message: 'Launching needs an instance type.',
    path: ['instanceType'],
  })
  .refine((r) => r.then !== 'launch' || r.targetRegion === r.region, {
    message: 'A shared AMI launches only in its own Region.',
    path: ['targetRegion'],
  });
/** Wizard 5: what the scope (profiles × Regions) shares with an account. */
export const findSharedInput = z
  .object({
    accountId: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
    scope: z.array(scopeCellSchema).min(1).max(100),
  })
  .strict();

/** Wizard 5: revoke all of it as one run, but the items the user unticked (their ids). */
export const revokeSharingRequest = findSharedInput
  .extend({
    job: z.literal('revoke-sharing'),
    exclusions: z.array(z.string().min(1).max(2200)).max(5000).default([]),
  })
  .strict();

/** What a wizard asks the engine to plan; more jobs join this union. */
export const workflowRequest = z.discriminatedUnion('job', [
  copySnapshotRequest,
  shareSnapshotRequest,
  reencryptRequest,
  shareAmiRequest,
  revokeSharingRequest,
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
