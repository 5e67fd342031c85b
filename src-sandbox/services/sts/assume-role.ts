import type { z } from 'zod';
import { parsePolicy } from '../../../src-shared/policy';
import { parsePolicyCached } from '../../identity/identity-policies';
import { IAM_ROLE } from '../../identity/model';
import { SandboxError } from '../../protocols/sandbox-error';
import { GLOBAL_REGION } from '../../state/store-types';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { credentialsForTrail, issueCredentials } from './issue-credentials';
import { checkMfa } from './mfa';
import { assumeRoleInput } from './schemas';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]+)$/;
const CHAINED_MAX = 3600;

function denied(ctx: ServiceContext, roleArn: string): SandboxError {
  return ctx.errors.accessDenied(
    `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );
}

async function assumeRole(ctx: ServiceContext, input: z.infer<typeof assumeRoleInput>) {
  const now = ctx.now();
  const match = ROLE_ARN.exec(input.RoleArn);
  // STS does not reveal whether a role exists: a missing role is an AccessDenied
  // (UNCONFIRMED, reference §8.10).
  const roleAccount = match?.[1];
  const role =
    match && roleAccount
      ? ctx.store.get(
          IAM_ROLE,
          { account: roleAccount, region: GLOBAL_REGION },
          (match[2] ?? '').toLowerCase(),
        )
      : undefined;
  if (!role || !roleAccount || role.arn !== input.RoleArn) throw denied(ctx, input.RoleArn);

  const mfa = checkMfa(ctx.store, ctx.caller, input.SerialNumber, input.TokenCode, now);
  const trust = parsePolicyCached(role.assumeRolePolicyDocument, 'trust');
  if (!trust) throw denied(ctx, role.arn);
  const decision = ctx.checkAccess(
    'sts:AssumeRole',
    role.arn,
    {
      'sts:ExternalId': input.ExternalId,
      'sts:RoleSessionName': input.RoleSessionName,
      'sts:SourceIdentity': input.SourceIdentity,
      'aws:MultiFactorAuthPresent':
        mfa || ctx.caller.mfaAuthenticated ? true : ctx.caller.temporary ? false : undefined,
    },
    {
      resourcePolicy: trust,
      resourcePolicyIsGatekeeper: true,
      resourcePolicyKind: 'trust',
      resourceAccount: roleAccount,
    },
  );
  if (!decision.allowed) throw denied(ctx, role.arn);

  const duration = input.DurationSeconds ?? 3600;
  if (duration > role.maxSessionDuration) {
    throw ctx.errors.validation(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  if (ctx.caller.kind === 'assumed-role' && duration > CHAINED_MAX) {
    throw ctx.errors.validation(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  let packedPolicySize: number | undefined;
  if (input.Policy !== undefined) {
    const parsed = parsePolicy(input.Policy, 'identity');
    if (!parsed.ok) {
      throw new SandboxError(
        'MalformedPolicyDocument',
        parsed.errors[0]?.message ?? 'Syntax errors in policy.',
      );
    }
    packedPolicySize = Math.ceil((input.Policy.replace(/\s+/g, '').length / 2048) * 100);
    if (packedPolicySize > 100) {
      throw new SandboxError(
        'PackedPolicyTooLarge',
        `Packed policy consumes ${packedPolicySize}% of allotted space, please use smaller policy for session.`,
      );
    }
  }

  const sessionArn = `arn:aws:sts::${roleAccount}:assumed-role/${role.roleName}/${input.RoleSessionName}`;
  const { credentials } = issueCredentials(
    ctx.store,
    {
      kind: 'assumed-role',
      account: roleAccount,
      arn: sessionArn,
      userId: `${role.roleId}:${input.RoleSessionName}`,
      role: { name: role.roleName, arn: role.arn, id: role.roleId },
      sessionName: input.RoleSessionName,
      mfaAuthenticated: mfa || ctx.caller.mfaAuthenticated,
      ...(input.Policy === undefined ? {} : { sessionPolicy: input.Policy }),
    },
    now,
    duration,
  );
  ctx.describeEvent({
    resources: [{ accountId: roleAccount, type: 'AWS::IAM::Role', ARN: role.arn }],
    alsoRecordIn: [roleAccount],
  });
  return {
    Credentials: credentials,
    AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${input.RoleSessionName}`, Arn: sessionArn },
    ...(packedPolicySize === undefined ? {} : { PackedPolicySize: packedPolicySize }),
    ...(input.SourceIdentity === undefined ? {} : { SourceIdentity: input.SourceIdentity }),
  };
}

export const assumeRoleOperation = defineOperation({
  input: assumeRoleInput,
  readOnly: true,
  handler: assumeRole,
  responseElements: (out) => ({
    credentials: credentialsForTrail(out.Credentials),
    assumedRoleUser: {
      assumedRoleId: out.AssumedRoleUser.AssumedRoleId,
      arn: out.AssumedRoleUser.Arn,
    },
  }),
});
