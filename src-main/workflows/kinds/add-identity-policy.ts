import {
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';
import type { StepAt, StepEnv, StepKind } from '../step-kind';
import { ownerOf } from './identity-policies';

const params = z
  .object({
    /** The caller whose user or role gets the inline policy (an assumed-role session: its role). */
    callerArn: z.string().min(1),
    keyArn: z.string().min(1),
    actions: z.array(z.string().regex(/^kms:[A-Za-z*]+$/)).min(1),
  })
  .strict();
type Params = z.output<typeof params>;

/** One inline policy per fix step: a run may add one per key (an AMI's snapshots use several). */
const policyNameOf = (at: StepAt) => `keyward-${at.runId}-${at.stepId}`;

function ownerOrFail(p: Params) {
  const owner = ownerOf(p.callerArn);
  if (!owner) {
    throw new KeywardError(
      'validation',
      `${p.callerArn} is neither an IAM user nor a role session.`,
    );
  }
  return owner;
}

/** The inline policy the step adds. */
export const identityDocumentOf = (p: Params) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: p.actions, Resource: p.keyArn }],
  });

const iamOf = async (env: StepEnv) =>
  env.ctx.aws.client(IAMClient, await env.ctx.principal(env.profileId), 'us-east-1');

/** The fix preflight offers when the target identity's IAM policies do not allow the owner's key. */
export const addIdentityPolicyKind: StepKind<Params> = {
  name: 'add-identity-policy',
  params,
  outputs: [],
  title: (p, at) =>
    `Add inline policy ${policyNameOf(at)} allowing ${p.actions.join(', ')} on ${p.keyArn} to ${ownerOf(p.callerArn)?.kind ?? 'identity'} ${ownerOf(p.callerArn)?.name ?? p.callerArn}`,
  action: (p, at) => {
    const owner = ownerOrFail(p);
    return {
      service: 'iam',
      operation: owner.kind === 'user' ? 'PutUserPolicy' : 'PutRolePolicy',
      params: {
        [owner.kind === 'user' ? 'UserName' : 'RoleName']: owner.name,
        PolicyName: policyNameOf(at),
        PolicyDocument: identityDocumentOf(p),
      },
    };
  },
  cli: (p, at) => {
    const owner = ownerOrFail(p);
    return {
      args: [
        'iam',
        owner.kind === 'user' ? 'put-user-policy' : 'put-role-policy',
        owner.kind === 'user' ? '--user-name' : '--role-name',
        owner.name,
        '--policy-name',
        policyNameOf(at),
        '--policy-document',
        identityDocumentOf(p),
      ],
    };
  },
  check: (place, p) =>
    Promise.resolve([
      ownerOf(p.callerArn)
        ? {
            stepId: place.stepId,
            status: 'ok',
            message: `${p.callerArn} can be given an inline policy.`,
          }
        : {
            stepId: place.stepId,
            status: 'failed',
            message: `${p.callerArn} is neither an IAM user nor a role session: give it the key permissions by hand.`,
          },
    ]),
  async run(env, p) {
    const owner = ownerOrFail(p);
    const iam = await iamOf(env);
    const common = { PolicyName: policyNameOf(env), PolicyDocument: identityDocumentOf(p) };
    await (owner.kind === 'user'
      ? iam.send(new PutUserPolicyCommand({ UserName: owner.name, ...common }))
      : iam.send(new PutRolePolicyCommand({ RoleName: owner.name, ...common })));
    return {};
  },
  async verify(env, p) {
    const owner = ownerOrFail(p);
    const iam = await iamOf(env);
    const PolicyName = policyNameOf(env);
    await (owner.kind === 'user'
      ? iam.send(new GetUserPolicyCommand({ UserName: owner.name, PolicyName }))
      : iam.send(new GetRolePolicyCommand({ RoleName: owner.name, PolicyName })));
  },
  undo: {
    describe: () => 'Deletes the inline policy Keyward added.',
    deletes: false,
    async run(env, p) {
      const owner = ownerOrFail(p);
      const iam = await iamOf(env);
      const PolicyName = policyNameOf(env);
      try {
        await (owner.kind === 'user'
          ? iam.send(new DeleteUserPolicyCommand({ UserName: owner.name, PolicyName }))
          : iam.send(new DeleteRolePolicyCommand({ RoleName: owner.name, PolicyName })));
      } catch (error) {
        if (awsErrorCode(error) !== 'NoSuchEntity') throw error;
      }
    },
  },
};
