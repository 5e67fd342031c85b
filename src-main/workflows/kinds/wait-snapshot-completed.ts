import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { describeSnapshot } from './snapshots';
import { valueSchema, valueText } from './values';

const params = z.object({ snapshotId: valueSchema }).strict();
type Params = z.output<typeof params>;

/** Between polls of DescribeSnapshots (the AWS CLI waiter polls every 15 s). */
const POLL_MS = 5000;

const percentOf = (progress: string | undefined) => {
  const n = Number.parseInt(progress ?? '', 10);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
};

/** Waits until a snapshot is `completed`, reporting its `Progress`; `error` stops the run with AWS's reason. */
export const waitSnapshotCompletedKind: StepKind<Params> = {
  name: 'wait-snapshot-completed',
  params,
  outputs: [],
  title: (p) => `Wait until ${valueText(p.snapshotId)} is completed`,
  action: (p) => ({
    service: 'ec2',
    operation: 'DescribeSnapshots',
    params: { SnapshotIds: [p.snapshotId] },
  }),
  cli: (p) => ({ args: ['ec2', 'wait', 'snapshot-completed', '--snapshot-ids', p.snapshotId] }),
  check: (place) =>
    Promise.resolve([
      { stepId: place.stepId, status: 'ok', message: 'Nothing to check before the copy exists.' },
    ]),
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    const id = env.resolve(p.snapshotId);
    for (;;) {
      const snapshot = await describeSnapshot(ec2, id);
      if (snapshot.State === 'completed') {
        env.progress(1, '100%');
        return {};
      }
      if (snapshot.State === 'error') {
        throw new KeywardError(
          'invalid-state',
          `Snapshot ${id} ended in error: ${snapshot.StateMessage ?? 'AWS gave no reason'}.`,
          {
            hint: 'With "Given key ID is not accessible", the copying identity may not use one of the keys: check the key policies and IAM permissions, then start again.',
          },
        );
      }
      env.progress(percentOf(snapshot.Progress) / 100, snapshot.Progress || '0%');
      if (env.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
      await env.sleep(POLL_MS);
    }
  },
  async verify(env, p) {
    const snapshot = await describeSnapshot(
      await ec2Of(env.ctx, env.profileId, env.region),
      env.resolve(p.snapshotId),
    );
    if (snapshot.State !== 'completed') {
      throw new KeywardError(
        'invalid-state',
        `Snapshot ${snapshot.SnapshotId} is ${snapshot.State ?? 'unknown'}.`,
      );
    }
  },
  undo: undefined,
};
