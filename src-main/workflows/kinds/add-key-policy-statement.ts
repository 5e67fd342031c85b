import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { describeKey } from '../../key-operations/describe-key';
import { readPolicy } from '../../key-operations/key-detail';
import { kmsOf } from '../../key-operations/key-context';
import { changeKeyPolicy } from '../../key-operations/key-policy';
import type { StepAt, StepEnv, StepKind, StepPlace } from '../step-kind';
import { hasStatement, withoutStatement, withStatement } from './policy-statements';
import { targetKeyAccessCheck } from './target-key-access';

const params = z
  .object({
    /** The key's ARN (in the step's Region). */
    keyId: z.string().min(1),
    /** The account that gets to use the key. */
    accountId: z.string().regex(/^\d{12}$/),
    /** Limit the use to EC2 in the key's Region (kms:ViaService). */
    viaEc2Only: z.boolean().default(true),
    /** The profile of the target account that will use the key (preflight evaluates its access). */
    targetProfileId: z.string().min(1).optional(),
    /** The id of the IAM fix preflight offers for the target (unique when a run shares several keys). */
    targetFixId: z.string().min(1).optional(),
    /** What the target does with the key, for the preflight messages ("copy", "launch"). */
    targetPurpose: z.string().min(1).optional(),
    /** The policy when the plan was made: the preview's "before" and the runbook's base. */
    policyAtPlanning: z.string().optional(),
  })
  .strict();
type Params = z.output<typeof params>;

/**
 * What another account needs on the owner's key to copy a shared encrypted snapshot or create a
 * volume from it (reference §3.5), and no more.
 */
const SHARED_SNAPSHOT_ACTIONS = [
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];

const sidOf = (at: StepAt) => `keyward-${at.runId}`;

function statementFor(p: Params, at: StepAt): Record<string, unknown> {
  return {
    Sid: sidOf(at),
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${p.accountId}:root` },
    Action: SHARED_SNAPSHOT_ACTIONS,
    Resource: '*',
    ...(p.viaEc2Only
      ? { Condition: { StringEquals: { 'kms:ViaService': `ec2.${at.region}.amazonaws.com` } } }
      : {}),
  };
}

/** The policy the preview showed, with Keyward's statement: what the runbook writes. */
function plannedAfter(p: Params, at: StepAt): string {
  if (p.policyAtPlanning === undefined) {
    throw new Error('add-key-policy-statement was described before it was prepared');
  }
  return withStatement(p.policyAtPlanning, statementFor(p, at));
}

export const keyPlace = (place: StepPlace, p: { readonly keyId: string }) => ({
  profileId: place.profileId,
  region: place.region,
  keyId: p.keyId,
});

export async function currentPolicy(
  place: StepPlace,
  p: { readonly keyId: string },
): Promise<string> {
  return readPolicy(await kmsOf(place.ctx, place.profileId, place.region), p.keyId);
}

async function keyCheck(place: StepPlace, p: Params): Promise<PreflightCheck> {
  const key = await describeKey(place.ctx, keyPlace(place, p));
  const { stepId } = place;
  if (key.keyManager === 'AWS') {
    return {
      stepId,
      status: 'failed',
      message: `${key.arn} is an AWS managed key (aws/ebs): its policy cannot be changed, so what it encrypts cannot be shared. Re-encrypt a copy with a customer managed key first.`,
    };
  }
  if (key.keyState !== 'Enabled') {
    return { stepId, status: 'failed', message: `Key ${key.arn} is ${key.keyState}.` };
  }
  return { stepId, status: 'ok', message: `Key ${key.arn} is customer managed and enabled.` };
}

/** Puts the policy `change` makes of the current one, unless it means the same. */
export async function putWith(
  env: StepEnv,
  p: { readonly keyId: string },
  change: (policy: string) => string,
): Promise<void> {
  await changeKeyPolicy(env.ctx, keyPlace(env, p), change);
}

/** Adds a statement (Sid keyward-<run id>) letting another account use the key for EBS. */
export const addKeyPolicyStatementKind: StepKind<Params> = {
  name: 'add-key-policy-statement',
  params,
  outputs: [],
  title: (p) => `Let account ${p.accountId} use key ${p.keyId} for shared snapshots`,
  action: (p, at) => ({
    service: 'kms',
    operation: 'PutKeyPolicy',
    params: {
      KeyId: p.keyId,
      PolicyName: 'default',
      Policy: plannedAfter(p, at),
    },
  }),
  cli: (p, at) => ({
    args: [
      'kms',
      'put-key-policy',
      '--key-id',
      p.keyId,
      '--policy-name',
      'default',
      '--policy',
      JSON.stringify(JSON.parse(plannedAfter(p, at))),
    ],
  }),
  async prepare(place, p) {
    return { ...p, policyAtPlanning: await currentPolicy(place, p) };
  },
  policyDiff: (p, at) => ({
    keyArn: p.keyId,
    before: p.policyAtPlanning ?? '',
    after: plannedAfter(p, at),
    addedSid: sidOf(at),
  }),
  async check(place, p) {
    const key = await keyCheck(place, p);
    if (key.status === 'failed' || p.targetProfileId === undefined) return [key];
    const keyPolicy = withStatement(await currentPolicy(place, p), statementFor(p, place));
    const use = {
      stepId: place.stepId,
      profileId: p.targetProfileId,
      keyArn: p.keyId,
      keyPolicy,
      ...(p.targetFixId === undefined ? {} : { fixId: p.targetFixId }),
      ...(p.targetPurpose === undefined ? {} : { purpose: p.targetPurpose }),
    };
    return [key, await targetKeyAccessCheck(place, use)];
  },
  async run(env, p) {
    await putWith(env, p, (policy) =>
      hasStatement(policy, sidOf(env)) ? policy : withStatement(policy, statementFor(p, env)),
    );
    env.checkpoint('sent');
    return {};
  },
  async verify(env, p) {
    if (!hasStatement(await currentPolicy(env, p), sidOf(env))) {
      throw new KeywardError(
        'invalid-state',
        `The policy of ${p.keyId} lacks statement ${sidOf(env)}.`,
      );
    }
  },
  undo: {
    describe: () => 'Removes the statement Keyward added (by its Sid).',
    deletes: false,
    run: (env, p) => putWith(env, p, (policy) => withoutStatement(policy, sidOf(env))),
  },
};
