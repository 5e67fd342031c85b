import { ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { change, permissionCall, sharedWith } from './add-create-volume-permission';
import { dryRunCheck } from './dry-run';

const params = z
  .object({
    snapshotId: z.string().min(1),
    accountId: z.string().regex(/^\d{12}$/),
  })
  .strict();
type Params = z.output<typeof params>;

/** Stops sharing a snapshot with one account (its createVolumePermission); undo shares it again. */
export const removeCreateVolumePermissionKind: StepKind<Params> = {
  name: 'remove-create-volume-permission',
  params,
  outputs: [],
  title: (p) => `Stop sharing snapshot ${p.snapshotId} with account ${p.accountId}`,
  ...permissionCall('Remove'),
  async check(place, p) {
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await dryRunCheck(place.stepId, 'ModifySnapshotAttribute', () =>
        ec2.send(new ModifySnapshotAttributeCommand({ ...change(p, 'Remove'), DryRun: true })),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    if (await sharedWith(ec2, p)) {
      await ec2.send(new ModifySnapshotAttributeCommand(change(p, 'Remove')));
      env.checkpoint('sent');
    }
    return {};
  },
  async verify(env, p) {
    if (await sharedWith(await ec2Of(env.ctx, env.profileId, env.region), p)) {
      throw new KeywardError(
        'invalid-state',
        `${p.snapshotId} is still shared with ${p.accountId}.`,
      );
    }
  },
  undo: {
    describe: (p) => `Shares the snapshot with account ${p.accountId} again.`,
    deletes: false,
    async run(env, p) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      await ec2.send(new ModifySnapshotAttributeCommand(change(p, 'Add')));
    },
  },
};
