import { CreateSnapshotCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { ec2Of } from '../../key-operations/key-context';
import { describeVolume } from '../../volumes/describe-volumes';
import type { StepAt, StepKind, StepPlace } from '../step-kind';
import { deleteStepSnapshot } from './delete-snapshots';
import { dryRunCheck } from './dry-run';
import { madeOnce } from './made-once';
import { describeSnapshot, RUN_ID_TAG, snapshotsTagged, STEP_ID_TAG } from './snapshots';

const params = z
  .object({
    volumeId: z.string().regex(/^vol-[0-9a-f]{8,17}$/, 'a volume id (vol-…)'),
    description: z.string().max(255).optional(),
  })
  .strict();
type Params = z.output<typeof params>;

function request(p: Params, at: StepAt) {
  return {
    VolumeId: p.volumeId,
    ...(p.description === undefined ? {} : { Description: p.description }),
    TagSpecifications: [
      {
        ResourceType: 'snapshot' as const,
        Tags: [
          { Key: RUN_ID_TAG, Value: at.runId },
          { Key: STEP_ID_TAG, Value: at.stepId },
        ],
      },
    ],
  };
}

async function volumeCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const { stepId, region } = place;
  let volume;
  try {
    volume = await describeVolume(await ec2Of(place.ctx, place.profileId, region), p.volumeId);
  } catch (error) {
    if (error instanceof KeywardError && error.retryable) throw error;
    const message = `Volume ${p.volumeId} cannot be read in ${region}: ${(error as Error).message}`;
    return { stepId, status: 'failed', message };
  }
  if (volume.State === 'in-use') {
    const instances = (volume.Attachments ?? []).map((a) => a.InstanceId).join(', ');
    return {
      stepId,
      status: 'warning',
      message: `Volume ${p.volumeId} is attached to ${instances || 'an instance'}: the snapshot is crash-consistent (what a power cut would leave). Stop the instance or flush its file systems first for a clean copy.`,
    };
  }
  if (volume.State !== 'available') {
    return {
      stepId,
      status: 'failed',
      message: `Volume ${p.volumeId} is ${volume.State ?? 'in an unknown state'}: EBS snapshots only available or in-use volumes.`,
    };
  }
  return {
    stepId,
    status: 'ok',
    message: `Volume ${p.volumeId} exists in ${region} and is available.`,
  };
}

/**
 * CreateSnapshot of a volume, under the volume's own key: the intermediate a re-encrypted copy
 * is made from. CreateSnapshot takes no ClientToken, so the snapshot is tagged with the run and
 * step ids and looked up before snapshotting again.
 */
export const createSnapshotKind: StepKind<Params> = {
  name: 'create-snapshot',
  params,
  outputs: ['snapshotId'],
  title: (p, at) => `Snapshot volume ${p.volumeId} in ${at.region} (under its current key)`,
  action: (p, at) => ({ service: 'ec2', operation: 'CreateSnapshot', params: request(p, at) }),
  cli: (p, at) => ({
    args: [
      'ec2',
      'create-snapshot',
      '--volume-id',
      p.volumeId,
      ...(p.description === undefined ? [] : ['--description', p.description]),
      '--tag-specifications',
      JSON.stringify(request(p, at).TagSpecifications),
    ],
    capture: { output: 'snapshotId', query: 'SnapshotId' },
  }),
  async check(place, p) {
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await volumeCheck(place, p),
      await dryRunCheck(place.stepId, 'CreateSnapshot', () =>
        ec2.send(new CreateSnapshotCommand({ ...request(p, place), DryRun: true })),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const snapshotId = await madeOnce(env, {
      operation: 'CreateSnapshot',
      what: 'a snapshot id',
      find: async () => (await snapshotsTagged(ec2, env.runId, env.stepId))[0]?.SnapshotId,
      create: async () => (await ec2.send(new CreateSnapshotCommand(request(p, env)))).SnapshotId,
    });
    return { snapshotId };
  },
  async verify(env, _p, outputs) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const made = await describeSnapshot(ec2, outputs['snapshotId'] ?? '');
    if (made.State === 'error') {
      throw new KeywardError(
        'invalid-state',
        `Snapshot ${made.SnapshotId} ended in error: ${made.StateMessage ?? 'AWS gave no reason'}.`,
      );
    }
  },
  undo: {
    describe: () => 'Deletes the intermediate snapshot (asks first).',
    deletes: true,
    run: (env, _p, outputs) => deleteStepSnapshot(env, outputs),
  },
};
