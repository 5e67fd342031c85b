import { CreateVolumeCommand, DeleteVolumeCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';
import { ec2Of } from '../../key-operations/key-context';
import { describeVolume, describeVolumes } from '../../volumes/describe-volumes';
import type { StepAt, StepEnv, StepKind, Value } from '../step-kind';
import { isRef } from '../step-kind';
import { clientToken } from './client-token';
import { dryRunCheck } from './dry-run';
import { madeOnce } from './made-once';
import { RUN_ID_TAG, STEP_ID_TAG } from './snapshots';
import { valueSchema, valueText } from './values';

const params = z
  .object({
    snapshotId: valueSchema,
    availabilityZone: z.string().min(1),
    /** Re-encrypts the volume under this key of the step's Region; absent: the snapshot's key. */
    kmsKeyId: z.string().min(1).optional(),
    volumeType: z.enum(['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard']).default('gp3'),
  })
  .strict();
type Params = z.output<typeof params>;

/** Between polls of DescribeVolumes while the volume is `creating`. */
const POLL_MS = 3000;

const volumesTagged = (ec2: EC2Client, at: StepAt) =>
  describeVolumes(ec2, {
    Filters: [
      { Name: `tag:${RUN_ID_TAG}`, Values: [at.runId] },
      { Name: `tag:${STEP_ID_TAG}`, Values: [at.stepId] },
    ],
  });

function request<S extends Value>(p: Params, at: StepAt, snapshotId: S) {
  return {
    SnapshotId: snapshotId,
    AvailabilityZone: p.availabilityZone,
    VolumeType: p.volumeType,
    ...(p.kmsKeyId === undefined ? {} : { Encrypted: true, KmsKeyId: p.kmsKeyId }),
    ClientToken: clientToken(at),
    TagSpecifications: [
      {
        ResourceType: 'volume' as const,
        Tags: [
          { Key: RUN_ID_TAG, Value: at.runId },
          { Key: STEP_ID_TAG, Value: at.stepId },
        ],
      },
    ],
  };
}

async function waitAvailable(env: StepEnv, ec2: EC2Client, volumeId: string): Promise<void> {
  for (;;) {
    const volume = await describeVolume(ec2, volumeId);
    if (volume.State === 'available' || volume.State === 'in-use') return;
    if (volume.State === 'error') {
      throw new KeywardError('invalid-state', `Volume ${volumeId} ended in error.`, {
        hint: 'The identity that creates the volume must be allowed to use the snapshot’s key (kms:CreateGrant, kms:Decrypt) and the new key: check the key policies and IAM permissions.',
      });
    }
    env.progress(0.5, volume.State ?? 'creating');
    if (env.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
    await env.sleep(POLL_MS);
  }
}

/**
 * CreateVolume from a snapshot (maybe one the run made) in a chosen zone, then waits until it is
 * `available`. The ClientToken (from the run and step ids) makes a resent call return the same
 * volume; the run-id tags find it after a crash.
 */
export const createVolumeKind: StepKind<Params> = {
  name: 'create-volume',
  params,
  outputs: ['volumeId'],
  title: (p, at) =>
    `Create a volume from ${valueText(p.snapshotId)} in ${p.availabilityZone}${p.kmsKeyId ? `, encrypted with ${p.kmsKeyId}` : ''} (${at.profileId})`,
  action: (p, at) => ({
    service: 'ec2',
    operation: 'CreateVolume',
    params: request(p, at, p.snapshotId),
  }),
  cli: (p, at) => ({
    args: [
      'ec2',
      'create-volume',
      '--snapshot-id',
      p.snapshotId,
      '--availability-zone',
      p.availabilityZone,
      '--volume-type',
      p.volumeType,
      ...(p.kmsKeyId === undefined ? [] : ['--encrypted', '--kms-key-id', p.kmsKeyId]),
      '--client-token',
      clientToken(at),
      '--tag-specifications',
      JSON.stringify(request(p, at, p.snapshotId).TagSpecifications),
    ],
    capture: { output: 'volumeId', query: 'VolumeId' },
  }),
  async check(place, p) {
    const snapshotId = p.snapshotId;
    if (isRef(snapshotId)) {
      return [
        {
          stepId: place.stepId,
          status: 'warning',
          message: `CreateVolume cannot be tried (DryRun) before ${valueText(snapshotId)} exists; the step checks it when it runs.`,
        },
      ];
    }
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    const dry = { ...request(p, place, snapshotId), DryRun: true };
    return [
      await dryRunCheck(place.stepId, 'CreateVolume', () => ec2.send(new CreateVolumeCommand(dry))),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const volumeId = await madeOnce(env, {
      operation: 'CreateVolume',
      what: 'a volume id',
      find: async () => (await volumesTagged(ec2, env))[0]?.VolumeId,
      create: async () =>
        (await ec2.send(new CreateVolumeCommand(request(p, env, env.resolve(p.snapshotId)))))
          .VolumeId,
    });
    await waitAvailable(env, ec2, volumeId);
    env.progress(1, 'available');
    return { volumeId };
  },
  async verify(env, p, outputs) {
    const volume = await describeVolume(
      await ec2Of(env.ctx, env.profileId, env.region),
      outputs['volumeId'] ?? '',
    );
    const snapshotId = env.resolve(p.snapshotId);
    if (volume.SnapshotId !== snapshotId || volume.AvailabilityZone !== p.availabilityZone) {
      throw new KeywardError(
        'invalid-state',
        `Volume ${volume.VolumeId} is from ${volume.SnapshotId ?? 'no snapshot'} in ${volume.AvailabilityZone ?? '?'}, not from ${snapshotId} in ${p.availabilityZone}.`,
      );
    }
  },
  undo: {
    describe: () => 'Deletes the volume (asks first).',
    deletes: true,
    async run(env, _p, outputs) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      const made = outputs['volumeId'];
      const ids = made ? [made] : (await volumesTagged(ec2, env)).map((v) => v.VolumeId);
      for (const id of ids) {
        try {
          await ec2.send(new DeleteVolumeCommand({ VolumeId: id }));
        } catch (error) {
          // Deleted meanwhile (by hand, or by an undo cut off after this call): nothing left to do.
          if (awsErrorCode(error) !== 'InvalidVolume.NotFound') throw error;
        }
      }
    },
  },
};
