import { DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { parseAws } from '../../key-operations/aws-shapes';
import type { StepAt } from '../step-kind';
import { RUN_ID_TAG, STEP_ID_TAG } from './snapshots';

const imageShape = z.object({
  ImageId: z.string(),
  Name: z.string().optional(),
  State: z.string().optional(),
  StateReason: z.object({ Message: z.string().optional() }).optional(),
  OwnerId: z.string().optional(),
  BlockDeviceMappings: z
    .array(
      z.object({
        DeviceName: z.string().optional(),
        Ebs: z
          .object({ SnapshotId: z.string().optional(), Encrypted: z.boolean().optional() })
          .optional(),
      }),
    )
    .optional(),
});
const describeOutput = z.object({ Images: z.array(imageShape).optional() });
export type ImageFacts = z.output<typeof imageShape>;

export async function describeImage(ec2: EC2Client, imageId: string): Promise<ImageFacts> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] })),
    'DescribeImages',
  );
  const found = answer.Images?.[0];
  if (!found) throw new KeywardError('not-found', `AMI ${imageId} does not exist.`);
  return found;
}

/** The AMIs a step of a run made, found by the run-id and step-id tags. */
export async function imagesTagged(ec2: EC2Client, at: StepAt): Promise<ImageFacts[]> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [
          { Name: `tag:${RUN_ID_TAG}`, Values: [at.runId] },
          { Name: `tag:${STEP_ID_TAG}`, Values: [at.stepId] },
        ],
      }),
    ),
    'DescribeImages',
  );
  return answer.Images ?? [];
}

/** The EBS snapshots behind an AMI's block devices, each once. */
export const backingSnapshotIds = (image: ImageFacts): string[] => [
  ...new Set(
    (image.BlockDeviceMappings ?? []).flatMap((m) =>
      m.Ebs?.SnapshotId === undefined ? [] : [m.Ebs.SnapshotId],
    ),
  ),
];

/** The block devices of an AMI that are EBS volumes (launch re-encrypts each). */
export const ebsDevices = (image: ImageFacts): string[] =>
  (image.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs !== undefined && m.DeviceName !== undefined ? [m.DeviceName] : [],
  );

/** Tags on what a step creates: the run and step that made it. */
export const runTags = (at: StepAt) => [
  { Key: RUN_ID_TAG, Value: at.runId },
  { Key: STEP_ID_TAG, Value: at.stepId },
];
