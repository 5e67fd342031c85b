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
import { isRef, type StepAt, type StepKind, type StepPlace, type Value } from '../step-kind';
import { clientToken } from './client-token';
import { dryRunCheck } from './dry-run';
import { waitImageAvailable } from './image-available';
import { backingSnapshotIds, describeImage, imagesTagged, runTags } from './images';
import { destinationKeyCheck } from './key-checks';
import { madeOnce } from './made-once';
import { describeSnapshot, snapshotsTagged } from './snapshots';
import { valueSchema, valueText } from './values';

const params = z
  .object({
    sourceRegion: z.string().min(1),
    /** The AMI to copy, or the owner's re-encrypted copy an earlier step made (the aws/ebs path). */
    sourceImageId: valueSchema,
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

/** AMI names are unique per account and Region: the run's id keeps the copy's name free. */
const copyName = (p: Params, at: StepAt) =>
  `${p.sourceName.slice(0, 100)} keyward-${at.runId.slice(0, 8)}`;

/** The call's parameters; the source is resolved when it runs (the preview shows a reference). */
function request<S extends Value>(p: Params, at: StepAt, source: S) {
  return {
    SourceRegion: p.sourceRegion,
    SourceImageId: source,
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

async function sourceCheck(
  place: StepPlace,
  p: Params,
  sourceImageId: string,
): Promise<PreflightCheck> {
  const ec2 = await ec2Of(place.ctx, p.sharedBy?.profileId ?? place.profileId, p.sourceRegion);
  const image = await describeImage(ec2, sourceImageId);
  return image.State === 'available'
    ? {
        stepId: place.stepId,
        status: 'ok',
        message: `AMI ${sourceImageId} is available in ${p.sourceRegion}.`,
      }
    : {
        stepId: place.stepId,
        status: 'failed',
        message: `AMI ${sourceImageId} is ${image.State ?? 'not ready'}: AWS copies only available AMIs. Wait until it is available.`,
      };
}

/** Whether the copy would be allowed: tried (DryRun) only where the copying account sees the AMI. */
async function callCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const source = p.sourceImageId;
  if (isRef(source) || p.sharedBy !== undefined) {
    return {
      stepId: place.stepId,
      status: 'warning',
      message: `CopyImage cannot be tried (DryRun) before ${valueText(source)} is shared with this account; the copy step checks it when it runs.`,
    };
  }
  const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
  return dryRunCheck(place.stepId, 'CopyImage', () =>
    ec2.send(new CopyImageCommand({ ...request(p, place, source), DryRun: true })),
  );
}

async function sourceChecks(place: StepPlace, p: Params): Promise<PreflightCheck[]> {
  const source = p.sourceImageId;
  if (isRef(source)) {
    return [
      {
        stepId: place.stepId,
        status: 'ok',
        message: `The AMI to copy, ${valueText(source)}, is made by an earlier step of the run; it is checked when the copy runs.`,
      },
    ];
  }
  return [await sourceCheck(place, p, source)];
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
  title: (p, at) => {
    const source = isRef(p.sourceImageId) ? valueText(p.sourceImageId) : `AMI ${p.sourceImageId}`;
    return p.sharedBy === undefined && p.sourceRegion === at.region
      ? `Copy ${source} in ${at.region} (${at.profileId}), re-encrypted with ${p.kmsKeyId}`
      : `Copy ${source} from ${p.sourceRegion} to ${at.region} (${at.profileId}), encrypted with ${p.kmsKeyId}`;
  },
  action: (p, at) => ({
    service: 'ec2',
    operation: 'CopyImage',
    params: request(p, at, p.sourceImageId),
  }),
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
      ...(await sourceChecks(place, p)),
      await destinationKeyCheck(place, p.kmsKeyId),
      await callCheck(place, p),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const imageId = await madeOnce(env, {
      operation: 'CopyImage',
      what: 'an AMI id',
      find: async () => (await imagesTagged(ec2, env))[0]?.ImageId,
      create: async () =>
        (await ec2.send(new CopyImageCommand(request(p, env, env.resolve(p.sourceImageId)))))
          .ImageId,
    });
    await waitImageAvailable(env, ec2, imageId);
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
