import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { deleteSnapshots } from './delete-snapshots';
import { describeSnapshot } from './snapshots';
import { valueSchema, valueText } from './values';

const params = z.object({ snapshotId: valueSchema }).strict();
type Params = z.output<typeof params>;

/**
 * Deletes a snapshot an earlier step of the run made (an intermediate the user chose not to
 * keep). Only ever a snapshot of the run: the plan passes an earlier step's output.
 */
export const deleteSnapshotKind: StepKind<Params> = {
  name: 'delete-snapshot',
  params,
  outputs: [],
  title: (p) => `Delete the intermediate snapshot ${valueText(p.snapshotId)}`,
  action: (p) => ({
    service: 'ec2',
    operation: 'DeleteSnapshot',
    params: { SnapshotId: p.snapshotId },
  }),
  cli: (p) => ({ args: ['ec2', 'delete-snapshot', '--snapshot-id', p.snapshotId] }),
  check: (place) =>
    Promise.resolve([
      {
        stepId: place.stepId,
        status: 'ok',
        message: 'Deleted only once the new volume exists; the original is not touched.',
      },
    ]),
  async run(env, p) {
    await deleteSnapshots(await ec2Of(env.ctx, env.profileId, env.region), [
      env.resolve(p.snapshotId),
    ]);
    return {};
  },
  async verify(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const id = env.resolve(p.snapshotId);
    try {
      await describeSnapshot(ec2, id);
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'not-found') return;
      if (awsErrorCode(error) === 'InvalidSnapshot.NotFound') return;
      throw error;
    }
    throw new KeywardError('invalid-state', `Snapshot ${id} still exists.`);
  },
  undo: undefined,
};
