import { DeleteSnapshotCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { awsErrorCode } from '../../aws/map-aws-error';
import { ec2Of } from '../../key-operations/key-context';
import type { StepEnv } from '../step-kind';
import { snapshotsTagged } from './snapshots';

/** Deletes snapshots; one deleted meanwhile (by hand, or by an undo cut off) is nothing left to do. */
export async function deleteSnapshots(ec2: EC2Client, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    try {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: id }));
    } catch (error) {
      if (awsErrorCode(error) !== 'InvalidSnapshot.NotFound') throw error;
    }
  }
}

/** Undo of a step that made a snapshot: the one journaled, else any tagged with the run and step. */
export async function deleteStepSnapshot(
  env: StepEnv,
  outputs: Readonly<Record<string, string>>,
): Promise<void> {
  const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
  const made = outputs['snapshotId'];
  const ids = made
    ? [made]
    : (await snapshotsTagged(ec2, env.runId, env.stepId)).map((s) => s.SnapshotId);
  await deleteSnapshots(ec2, ids);
}
