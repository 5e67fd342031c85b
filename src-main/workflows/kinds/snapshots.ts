import { DescribeSnapshotsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { parseAws } from '../../key-operations/aws-shapes';

/** Tags Keyward puts on what a run creates, so that a resumed run finds it instead of making it again. */
export const RUN_ID_TAG = 'keyward:run-id';
export const STEP_ID_TAG = 'keyward:step-id';

const tag = z.object({ Key: z.string(), Value: z.string().optional() });
const snapshotShape = z.object({
  SnapshotId: z.string(),
  State: z.string().optional(),
  StateMessage: z.string().optional(),
  Progress: z.string().optional(),
  Encrypted: z.boolean().optional(),
  KmsKeyId: z.string().optional(),
  OwnerId: z.string().optional(),
  Tags: z.array(tag).optional(),
});
const describeOutput = z.object({ Snapshots: z.array(snapshotShape).optional() });
export type SnapshotFacts = z.output<typeof snapshotShape>;

export async function describeSnapshot(ec2: EC2Client, snapshotId: string): Promise<SnapshotFacts> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })),
    'DescribeSnapshots',
  );
  const found = answer.Snapshots?.[0];
  if (!found) throw new KeywardError('not-found', `Snapshot ${snapshotId} does not exist.`);
  return found;
}

/** The snapshots a step of a run made, found by the run-id and step-id tags. */
export async function snapshotsTagged(
  ec2: EC2Client,
  runId: string,
  stepId: string,
): Promise<SnapshotFacts[]> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [
          { Name: `tag:${RUN_ID_TAG}`, Values: [runId] },
          { Name: `tag:${STEP_ID_TAG}`, Values: [stepId] },
        ],
      }),
    ),
    'DescribeSnapshots',
  );
  return answer.Snapshots ?? [];
}

/** Snapshot copies still pending in a Region (AWS allows 20 at a time per destination Region). */
export async function pendingSnapshots(ec2: EC2Client): Promise<number> {
  const answer = parseAws(
    describeOutput,
    await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'status', Values: ['pending'] }],
      }),
    ),
    'DescribeSnapshots',
  );
  return answer.Snapshots?.length ?? 0;
}

/** Tags a user put on a snapshot or volume: AWS's own (`aws:`) and Keyward's bookkeeping tags are not carried. */
export function userTags(resource: Pick<SnapshotFacts, 'Tags'>): { Key: string; Value: string }[] {
  return (resource.Tags ?? [])
    .filter((t) => !t.Key.startsWith('aws:') && !t.Key.startsWith('keyward:'))
    .map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
}
