import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { ec2Of } from '../../key-operations/key-context';
import type { StepKind } from '../step-kind';
import { waitImageAvailable } from './image-available';
import { describeImage } from './images';
import { valueSchema, valueText } from './values';

const params = z.object({ imageId: valueSchema }).strict();
type Params = z.output<typeof params>;

/**
 * Waits until an AMI an earlier step copied is `available`: the runbook's CopyImage returns at
 * once, and AWS neither shares nor copies a pending AMI further (the app's copy step waits too).
 */
export const waitImageAvailableKind: StepKind<Params> = {
  name: 'wait-image-available',
  params,
  outputs: [],
  title: (p) => `Wait until ${valueText(p.imageId)} is available`,
  action: (p) => ({
    service: 'ec2',
    operation: 'DescribeImages',
    params: { ImageIds: [p.imageId] },
  }),
  cli: (p) => ({ args: ['ec2', 'wait', 'image-available', '--image-ids', p.imageId] }),
  check: (place) =>
    Promise.resolve([
      { stepId: place.stepId, status: 'ok', message: 'Nothing to check before the copy exists.' },
    ]),
  async run(env, p) {
    await waitImageAvailable(
      env,
      await ec2Of(env.ctx, env.profileId, env.region),
      env.resolve(p.imageId),
    );
    env.progress(1, 'available');
    return {};
  },
  async verify(env, p) {
    const image = await describeImage(
      await ec2Of(env.ctx, env.profileId, env.region),
      env.resolve(p.imageId),
    );
    if (image.State !== 'available') {
      throw new KeywardError(
        'invalid-state',
        `AMI ${image.ImageId} is ${image.State ?? 'unknown'}.`,
      );
    }
  },
  undo: undefined,
};
