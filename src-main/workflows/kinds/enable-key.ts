import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { describeKey } from '../../key-operations/describe-key';
import { disableKey, enableKey } from '../../key-operations/key-lifecycle';
import type { StepKind } from '../step-kind';

const params = z.object({ keyId: z.string().min(1) }).strict();
type Params = z.output<typeof params>;

/** The fix preflight offers for a disabled customer managed key. */
export const enableKeyKind: StepKind<Params> = {
  name: 'enable-key',
  params,
  outputs: [],
  title: (p) => `Enable key ${p.keyId}`,
  action: (p) => ({ service: 'kms', operation: 'EnableKey', params: { KeyId: p.keyId } }),
  cli: (p) => ({ args: ['kms', 'enable-key', '--key-id', p.keyId] }),
  async check(place, p) {
    const key = await describeKey(place.ctx, { ...place, keyId: p.keyId });
    return [
      key.keyManager === 'CUSTOMER'
        ? { stepId: place.stepId, status: 'ok', message: `Key ${key.arn} is ${key.keyState}.` }
        : { stepId: place.stepId, status: 'failed', message: `${key.arn} is AWS managed.` },
    ];
  },
  async run(env, p) {
    await enableKey(env.ctx, { ...env, keyId: p.keyId });
    return {};
  },
  async verify(env, p) {
    const key = await describeKey(env.ctx, { ...env, keyId: p.keyId });
    if (key.keyState !== 'Enabled') {
      throw new KeywardError('invalid-state', `Key ${key.arn} is ${key.keyState}.`);
    }
  },
  undo: {
    describe: () => 'Disables the key again.',
    deletes: false,
    async run(env, p) {
      await disableKey(env.ctx, { ...env, keyId: p.keyId });
    },
  },
};
