import { CopySnapshotCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { describeKey } from '../../key-operations/describe-key';
import { ec2Of } from '../../key-operations/key-context';
import { isRef, type StepAt, type StepKind, type StepPlace, type Value } from '../step-kind';
import { deleteStepSnapshot } from './delete-snapshots';
import { dryRunCheck } from './dry-run';
import { destinationKeyCheck } from './key-checks';
import { madeOnce } from './made-once';
import { valueSchema, valueText } from './values';
import {
  describeSnapshot,
  pendingSnapshots,
  RUN_ID_TAG,
  snapshotsTagged,
  STEP_ID_TAG,
} from './snapshots';

const params = z
  .object({
    sourceRegion: z.string().min(1),
    /** The snapshot to copy, or the one an earlier step of the run made (re-encrypting a volume). */
    sourceSnapshotId: valueSchema,
    /** A key of the destination Region (the step's Region): id, ARN or alias. */
    kmsKeyId: z.string().min(1),
    description: z.string().max(255).optional(),
    /**
     * The snapshot belongs to another account and an earlier step of the run shares it: before
     * that, only its owner can see it (preflight reads it as the owner).
     */
    sharedBy: z
      .object({ profileId: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** AWS allows this many concurrent snapshot copies per destination Region (reference §3.3). */
const MAX_CONCURRENT_COPIES = 20;

const runTags = (at: StepAt) => [
  { Key: RUN_ID_TAG, Value: at.runId },
  { Key: STEP_ID_TAG, Value: at.stepId },
];

const runTagSpecifications = (at: StepAt) => [
  { ResourceType: 'snapshot' as const, Tags: runTags(at) },
];

/** The call's parameters; the source is resolved when it runs (the preview shows a reference). */
function request<S extends Value>(p: Params, at: StepAt, source: S) {
  return {
    SourceRegion: p.sourceRegion,
    SourceSnapshotId: source,
    Encrypted: true,
    KmsKeyId: p.kmsKeyId,
    ...(p.description === undefined ? {} : { Description: p.description }),
    TagSpecifications: runTagSpecifications(at),
  };
}

async function sourceCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  if (isRef(p.sourceSnapshotId)) {
    return {
      stepId: place.stepId,
      status: 'ok',
      message: `The snapshot to copy, ${valueText(p.sourceSnapshotId)}, is made by an earlier step of the run; it is checked when the copy runs.`,
    };
  }
  const ec2 = await ec2Of(place.ctx, p.sharedBy?.profileId ?? place.profileId, p.sourceRegion);
  try {
    const source = await describeSnapshot(ec2, p.sourceSnapshotId);
    if (source.State !== 'completed') {
      return {
        stepId: place.stepId,
        status: 'failed',
        message: `Snapshot ${p.sourceSnapshotId} is ${source.State ?? 'not ready'}: AWS copies only completed snapshots. Wait for it to complete.`,
      };
    }
    return {
      stepId: place.stepId,
      status: 'ok',
      message: `Snapshot ${p.sourceSnapshotId} exists in ${p.sourceRegion} and is completed.`,
    };
  } catch (error) {
    if (error instanceof KeywardError && error.retryable) throw error;
    return {
      stepId: place.stepId,
      status: 'failed',
      message: `Snapshot ${p.sourceSnapshotId} cannot be read in ${p.sourceRegion}: ${(error as Error).message}`,
    };
  }
}

async function quotaCheck(place: StepPlace): Promise<PreflightCheck> {
  const pending = await pendingSnapshots(await ec2Of(place.ctx, place.profileId, place.region));
  return pending >= MAX_CONCURRENT_COPIES
    ? {
        stepId: place.stepId,
        status: 'failed',
        message: `${pending} snapshot copies are already in progress in ${place.region}; AWS allows ${MAX_CONCURRENT_COPIES} at a time. Wait for some to complete.`,
      }
    : {
        stepId: place.stepId,
        status: 'ok',
        message: `${pending} of ${MAX_CONCURRENT_COPIES} concurrent snapshot copies in use in ${place.region}.`,
      };
}

/** The copy tried with DryRun, when its source can be seen before the run. */
async function dryRunCopy(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const source = p.sourceSnapshotId;
  if (p.sharedBy || isRef(source)) {
    return {
      stepId: place.stepId,
      status: 'warning',
      message: `CopySnapshot cannot be tried (DryRun) before ${valueText(source)} ${p.sharedBy ? 'is shared with this account' : 'exists'}; the copy step checks it when it runs.`,
    };
  }
  const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
  return dryRunCheck(place.stepId, 'CopySnapshot', () =>
    ec2.send(new CopySnapshotCommand({ ...request(p, place, source), DryRun: true })),
  );
}

/**
 * CopySnapshot re-encrypted with a key of the destination Region. The call is sent to the
 * destination Region with `SourceRegion` (reference §3.3); CopySnapshot takes no ClientToken, so
 * the copy is tagged with the run and step ids and looked up before copying again.
 */
export const copySnapshotKind: StepKind<Params> = {
  name: 'copy-snapshot',
  params,
  outputs: ['snapshotId'],
  title: (p, at) =>
    p.sourceRegion === at.region
      ? `Copy ${valueText(p.sourceSnapshotId)} in ${at.region}, re-encrypted with ${p.kmsKeyId}`
      : `Copy ${valueText(p.sourceSnapshotId)} from ${p.sourceRegion} to ${at.region}, encrypted with ${p.kmsKeyId}`,
  action: (p, at) => ({
    service: 'ec2',
    operation: 'CopySnapshot',
    params: request(p, at, p.sourceSnapshotId),
  }),
  cli: (p, at) => ({
    args: [
      'ec2',
      'copy-snapshot',
      '--source-region',
      p.sourceRegion,
      '--source-snapshot-id',
      p.sourceSnapshotId,
      '--encrypted',
      '--kms-key-id',
      p.kmsKeyId,
      ...(p.description === undefined ? [] : ['--description', p.description]),
      '--tag-specifications',
      JSON.stringify(runTagSpecifications(at)),
    ],
    capture: { output: 'snapshotId', query: 'SnapshotId' },
  }),
  async check(place, p) {
    return [
      await sourceCheck(place, p),
      await destinationKeyCheck(place, p.kmsKeyId),
      await quotaCheck(place),
      await dryRunCopy(place, p),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const snapshotId = await madeOnce(env, {
      operation: 'CopySnapshot',
      what: 'a snapshot id',
      find: async () => (await snapshotsTagged(ec2, env.runId, env.stepId))[0]?.SnapshotId,
      create: async () =>
        (await ec2.send(new CopySnapshotCommand(request(p, env, env.resolve(p.sourceSnapshotId)))))
          .SnapshotId,
    });
    return { snapshotId };
  },
  async verify(env, p, outputs) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const copy = await describeSnapshot(ec2, outputs['snapshotId'] ?? '');
    const key = await describeKey(env.ctx, {
      profileId: env.profileId,
      region: env.region,
      keyId: p.kmsKeyId,
    });
    if (copy.Encrypted !== true || copy.KmsKeyId !== key.arn) {
      throw new KeywardError(
        'invalid-state',
        `The copy ${copy.SnapshotId} is encrypted with ${copy.KmsKeyId ?? 'no key'}, not ${key.arn}.`,
      );
    }
  },
  undo: {
    describe: () => 'Deletes the copy (asks first).',
    deletes: true,
    run: (env, _p, outputs) => deleteStepSnapshot(env, outputs),
  },
};
