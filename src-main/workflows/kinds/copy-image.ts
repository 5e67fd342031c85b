import {
  CopyImageCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { awsErrorCode } from '../../aws/map-aws-error';
import { describeKey } from '../../key-operations/describe-key';
import { ec2Of } from '../../key-operations/key-context';
import type { StepAt, StepEnv, StepKind, StepPlace } from '../step-kind';
import { clientToken } from './client-token';
import { backingSnapshotIds, describeImage, imagesTagged, runTags } from './images';
import { destinationKeyCheck } from './key-checks';
import { madeOnce } from './made-once';
import { describeSnapshot, snapshotsTagged } from './snapshots';

const params = z
  .object({
    sourceRegion: z.string().min(1),
    sourceImageId: z.string().min(1),
    /** The source AMI's name: the copy is named after it and the run. */
    sourceName: z.string().min(1).max(128),
    /** A key of the step's Region: id, ARN or alias. */
    kmsKeyId: z.string().min(1),
    /** The AMI is another account's, shared by an earlier step: before that only its owner sees it. */
    sharedBy: z
      .object({ profileId: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** Between polls of DescribeImages while the copy is `pending`. */
const POLL_MS = 5000;

/** AMI names are unique per account and Region: the run's id keeps the copy's name free. */
const copyName = (p: Params, at: StepAt) =>
  `${p.sourceName.slice(0, 100)} keyward-${at.runId.slice(0, 8)}`;

function request(p: Params, at: StepAt) {
  return {
    SourceRegion: p.sourceRegion,
    SourceImageId: p.sourceImageId,
    Name: copyName(p, at),
    Encrypted: true,
    KmsKeyId: p.kmsKeyId,
    ClientToken: clientToken(at),
    TagSpecifications: [
      { ResourceType: 'image' as const, Tags: runTags(at) },
      { ResourceType: 'snapshot' as const, Tags: runTags(at) },
    ],
  };
}

async function sourceCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const ec2 = await ec2Of(place.ctx, p.sharedBy?.profileId ?? place.profileId, p.sourceRegion);
  const image = await describeImage(ec2, p.sourceImageId);
  return image.State === 'available'
    ? {
        stepId: place.stepId,
        status: 'ok',
        message: `AMI ${p.sourceImageId} is available in ${p.sourceRegion}.`,
      }
    : {
        stepId: place.stepId,
        status: 'failed',
        message: `AMI ${p.sourceImageId} is ${image.State ?? 'not ready'}: AWS copies only available AMIs. Wait until it is available.`,
      };
}

/** Progress of a pending copy: the mean `Progress` of the snapshots it is copying. */
async function copyProgress(ec2: EC2Client, imageId: string): Promise<number> {
  const image = await describeImage(ec2, imageId);
  const ids = backingSnapshotIds(image);
  if (ids.length === 0) return 0;
  let sum = 0;
  for (const id of ids) {
    const n = Number.parseInt((await describeSnapshot(ec2, id)).Progress ?? '', 10);
    sum += Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
  }
  return sum / ids.length / 100;
}

async function waitAvailable(env: StepEnv, ec2: EC2Client, imageId: string): Promise<void> {
  for (;;) {
    const image = await describeImage(ec2, imageId);
    if (image.State === 'available') return;
    if (image.State === 'failed' || image.State === 'error' || image.State === 'invalid') {
      throw new KeywardError(
        'invalid-state',
        `The copy ${imageId} ended ${image.State}: ${image.StateReason?.Message ?? 'AWS gave no reason'}.`,
        {
          hint: 'With "Given key ID is not accessible", the copying identity may not use one of the keys: check the key policies and IAM permissions, then undo and start again.',
        },
      );
    }
    const fraction = await copyProgress(ec2, imageId);
    env.progress(fraction, `${Math.round(fraction * 100)}%`);
    if (env.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
    await env.sleep(POLL_MS);
  }
}

async function deleteQuietly(ec2: EC2Client, snapshotId: string): Promise<void> {
  try {
    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
  } catch (error) {
    // Deleted meanwhile (by hand, or by an undo cut off after this call): nothing left to do.
    if (awsErrorCode(error) !== 'InvalidSnapshot.NotFound') throw error;
  }
}

/**
 * CopyImage re-encrypted with a key of the step's Region, sent there with `SourceRegion`
 * (reference §3.3); waits until the copy is `available`. The ClientToken makes a resent call
 * answer with the first copy; the run-id tags find it after a crash.
 */
export const copyImageKind: StepKind<Params> = {
  name: 'copy-image',
  params,
  outputs: ['imageId'],
  title: (p, at) =>
    `Copy AMI ${p.sourceImageId} from ${p.sourceRegion} to ${at.region} (${at.profileId}), encrypted with ${p.kmsKeyId}`,
  action: (p, at) => ({ service: 'ec2', operation: 'CopyImage', params: request(p, at) }),
  cli: (p, at) => {
    const copy = { step: at.stepId, output: 'imageId' };
    return {
      // No --tag-specifications: AWS CLIs older than CopyImage's tags (v2.9) refuse it.
      args: [
        'ec2',
        'copy-image',
        '--source-region',
        p.sourceRegion,
        '--source-image-id',
        p.sourceImageId,
        '--name',
        copyName(p, at),
        '--encrypted',
        '--kms-key-id',
        p.kmsKeyId,
        '--client-token',
        clientToken(at),
      ],
      capture: { output: 'imageId', query: 'ImageId' },
      then: [
        { args: ['ec2', 'wait', 'image-available', '--image-ids', copy] },
        {
          args: ['ec2', 'describe-images', '--image-ids', copy],
          capture: {
            output: 'taggedIds',
            query: 'Images[0].[[ImageId], BlockDeviceMappings[].Ebs.SnapshotId][]',
            json: true,
          },
        },
        {
          args: [
            'ec2',
            'create-tags',
            '--resources',
            { step: at.stepId, output: 'taggedIds' },
            '--tags',
            JSON.stringify(runTags(at)),
          ],
        },
      ],
    };
  },
  async check(place, p) {
    return [
      await sourceCheck(place, p),
      await destinationKeyCheck(place, p.kmsKeyId),
      {
        stepId: place.stepId,
        status: 'warning',
        message: `CopyImage cannot be tried (DryRun) before ${p.sourceImageId} is shared with this account; the copy step checks it when it runs.`,
      },
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const imageId = await madeOnce(env, {
      operation: 'CopyImage',
      what: 'an AMI id',
      find: async () => (await imagesTagged(ec2, env))[0]?.ImageId,
      create: async () => (await ec2.send(new CopyImageCommand(request(p, env)))).ImageId,
    });
    await waitAvailable(env, ec2, imageId);
    env.progress(1, 'available');
    return { imageId };
  },
  async verify(env, p, outputs) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const copy = await describeImage(ec2, outputs['imageId'] ?? '');
    const key = await describeKey(env.ctx, { ...env, keyId: p.kmsKeyId });
    for (const id of backingSnapshotIds(copy)) {
      const snapshot = await describeSnapshot(ec2, id);
      if (snapshot.Encrypted !== true || snapshot.KmsKeyId !== key.arn) {
        throw new KeywardError(
          'invalid-state',
          `Snapshot ${id} of the copy ${copy.ImageId} is encrypted with ${snapshot.KmsKeyId ?? 'no key'}, not ${key.arn}.`,
        );
      }
    }
  },
  undo: {
    describe: () => 'Deregisters the copy and deletes its snapshots (asks first).',
    deletes: true,
    async run(env, _p, outputs) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      const made = outputs['imageId'];
      const images = made ? [made] : (await imagesTagged(ec2, env)).map((i) => i.ImageId);
      for (const imageId of images) {
        try {
          await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
        } catch (error) {
          if (awsErrorCode(error) !== 'InvalidAMIID.NotFound') throw error;
        }
      }
      // The copy's snapshots carry the run's tags: found even when the AMI is gone already.
      for (const snapshot of await snapshotsTagged(ec2, env.runId, env.stepId)) {
        await deleteQuietly(ec2, snapshot.SnapshotId);
      }
    },
  },
};
