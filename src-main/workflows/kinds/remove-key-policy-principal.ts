import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { describeKey } from '../../key-operations/describe-key';
import type { StepKind, StepPlace } from '../step-kind';
import { currentPolicy, keyPlace, putWith } from './add-key-policy-statement';
import {
  policyWithoutAccount,
  restoreAccountStatements,
  statementsNaming,
} from './account-statements';

const params = z
  .object({
    /** The key's ARN (in the step's Region). */
    keyId: z.string().min(1),
    /** The account whose principals leave the policy. */
    accountId: z.string().regex(/^\d{12}$/),
    /** The policy when the plan was made: the preview's "before" and what undo restores from. */
    policyAtPlanning: z.string().optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/** Statement names as the user reads them: “Allow use of the key”, “#3”. */
const quoted = (sids: readonly string[]) => sids.map((sid) => `“${sid}”`).join(', ');

function planned(p: Params): { before: string; after: string } {
  if (p.policyAtPlanning === undefined) {
    throw new Error('remove-key-policy-principal was described before it was prepared');
  }
  return {
    before: p.policyAtPlanning,
    after: policyWithoutAccount(p.policyAtPlanning, p.accountId),
  };
}

async function keyCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const key = await describeKey(place.ctx, keyPlace(place, p));
  const { stepId } = place;
  if (key.keyManager === 'AWS') {
    return {
      stepId,
      status: 'failed',
      message: `${key.arn} is an AWS managed key: its policy cannot be changed.`,
    };
  }
  const naming = statementsNaming(await currentPolicy(place, p), p.accountId);
  return naming.length === 0
    ? {
        stepId,
        status: 'warning',
        message: `The policy of ${key.arn} no longer names account ${p.accountId}: nothing to remove.`,
      }
    : {
        stepId,
        status: 'ok',
        message: `The policy of ${key.arn} names account ${p.accountId} in ${quoted(naming)}.`,
      };
}

/**
 * Takes another account out of a key policy: its principals leave every Allow statement, and a
 * statement left with no principal (or allowing only that account's calls) goes. Undo puts those
 * statements back as they were.
 */
export const removeKeyPolicyPrincipalKind: StepKind<Params> = {
  name: 'remove-key-policy-principal',
  params,
  outputs: [],
  title: (p) => `Take account ${p.accountId} out of the policy of key ${p.keyId}`,
  action: (p) => ({
    service: 'kms',
    operation: 'PutKeyPolicy',
    params: { KeyId: p.keyId, PolicyName: 'default', Policy: planned(p).after },
  }),
  cli: (p) => ({
    args: [
      'kms',
      'put-key-policy',
      '--key-id',
      p.keyId,
      '--policy-name',
      'default',
      '--policy',
      JSON.stringify(JSON.parse(planned(p).after)),
    ],
  }),
  async prepare(place, p) {
    return { ...p, policyAtPlanning: await currentPolicy(place, p) };
  },
  policyDiff: (p) => ({ keyArn: p.keyId, ...planned(p), addedSid: '' }),
  check: async (place, p) => [await keyCheck(place, p)],
  async run(env, p) {
    await putWith(env, p, (policy) => policyWithoutAccount(policy, p.accountId));
    env.checkpoint('sent');
    return {};
  },
  async verify(env, p) {
    const left = statementsNaming(await currentPolicy(env, p), p.accountId);
    if (left.length > 0) {
      throw new KeywardError(
        'invalid-state',
        `The policy of ${p.keyId} still names account ${p.accountId} in ${quoted(left)}.`,
      );
    }
  },
  undo: {
    describe: (p) =>
      `Puts the statements naming account ${p.accountId} back as they were (${quoted(statementsNaming(planned(p).before, p.accountId))}).`,
    deletes: false,
    run: (env, p) =>
      putWith(env, p, (policy) => restoreAccountStatements(policy, planned(p).before, p.accountId)),
  },
};
