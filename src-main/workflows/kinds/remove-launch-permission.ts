import { ModifyImageAttributeCommand } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { launchableBy, launchPermissionChange } from './add-launch-permission';
import { dryRunCheck } from './dry-run';

const params = z
  .object({
    imageId: z.string().min(1),
    accountId: z.string().regex(/^\d{12}$/),
  })
  .strict();
type Params = z.output<typeof params>;

/** Stops sharing an AMI with one account (its launch permission); undo shares it again. */
export const removeLaunchPermissionKind: StepKind<Params> = {
  name: 'remove-launch-permission',
  params,
  outputs: [],
  title: (p) => `Stop sharing AMI ${p.imageId} with account ${p.accountId}`,
  action: (p) => ({
    service: 'ec2',
    operation: 'ModifyImageAttribute',
    params: launchPermissionChange(p, 'Remove'),
  }),
  cli: (p) => ({
    args: [
      'ec2',
      'modify-image-attribute',
      '--image-id',
      p.imageId,
      '--launch-permission',
      `Remove=[{UserId=${p.accountId}}]`,
    ],
  }),
  async check(place, p) {
    const ec2 = await ec2Of(place.ctx, place.profileId, place.region);
    return [
      await dryRunCheck(place.stepId, 'ModifyImageAttribute', () =>
        ec2.send(
          new ModifyImageAttributeCommand({ ...launchPermissionChange(p, 'Remove'), DryRun: true }),
        ),
      ),
    ];
  },
  async run(env, p) {
    const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
    if (await launchableBy(ec2, p)) {
      await ec2.send(new ModifyImageAttributeCommand(launchPermissionChange(p, 'Remove')));
      env.checkpoint('sent');
    }
    return {};
  },
  async verify(env, p) {
    if (await launchableBy(await ec2Of(env.ctx, env.profileId, env.region), p)) {
      throw new KeywardError('invalid-state', `${p.imageId} is still shared with ${p.accountId}.`);
    }
  },
  undo: {
    describe: (p) => `Shares the AMI with account ${p.accountId} again.`,
    deletes: false,
    async run(env, p) {
      const ec2 = await ec2Of(env.ctx, env.profileId, env.region);
      await ec2.send(new ModifyImageAttributeCommand(launchPermissionChange(p, 'Add')));
    },
  },
};
