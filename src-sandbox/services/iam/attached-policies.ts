import { z } from 'zod';
import {
  findManagedPolicy,
  MAX_ATTACHED_POLICIES,
  type ManagedPolicy,
} from '../../identity/managed-policies';
import { SandboxError } from '../../protocols/sandbox-error';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsString } from '../validation';
import {
  GROUP_NAME,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  NAME,
  noSuchEntity,
  paginate,
} from './common';
import {
  GROUP,
  type PolicyHolderDoc,
  type PrincipalKind,
  requirePrincipal,
  ROLE,
  savePrincipal,
  targetPrincipalArn,
  USER,
} from './principals';

/** Attach/Detach/ListAttached{User,Role,Group}Policies (reference §4.3). */

export const POLICY_ARN = awsString(20, 2048);
const POLICY_PATH_PREFIX = awsString(
  1,
  512,
  /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/,
  '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/',
).optional();

const WELL_FORMED_POLICY_ARN =
  /^arn:aws:iam::(aws|\d{12}):policy\/([\u0021-\u007E]+\/)?[\w+=,.@-]+$/;

/** `InvalidInput` for a malformed ARN, `NoSuchEntity` for one the sandbox does not know. */
export function requireManagedPolicy(arn: string) {
  if (!WELL_FORMED_POLICY_ARN.test(arn)) {
    throw new SandboxError('InvalidInput', `ARN ${arn} is not valid.`, 400);
  }
  const policy = findManagedPolicy(arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

function attach<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  h: PrincipalKind<D>,
  name: string,
  policyArn: string,
): Record<string, never> {
  ctx.authorize(`iam:Attach${h.noun}Policy`, targetPrincipalArn(ctx, h, name), {
    'iam:PolicyARN': policyArn,
  });
  const doc = requirePrincipal(ctx, h, name);
  const policy = requireManagedPolicy(policyArn);
  const attached = doc.attachedPolicies ?? [];
  if (attached.includes(policy.arn)) return {}; // attaching twice is a no-op, as in AWS
  if (attached.length >= MAX_ATTACHED_POLICIES) {
    throw limitExceeded(`Cannot exceed quota for PoliciesPer${h.noun}: ${MAX_ATTACHED_POLICIES}`);
  }
  savePrincipal(ctx, h, { ...doc, attachedPolicies: [...attached, policy.arn] });
  return {};
}

function detach<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  h: PrincipalKind<D>,
  name: string,
  policyArn: string,
): Record<string, never> {
  ctx.authorize(`iam:Detach${h.noun}Policy`, targetPrincipalArn(ctx, h, name), {
    'iam:PolicyARN': policyArn,
  });
  const doc = requirePrincipal(ctx, h, name);
  if (!WELL_FORMED_POLICY_ARN.test(policyArn)) {
    throw new SandboxError('InvalidInput', `ARN ${policyArn} is not valid.`, 400);
  }
  const attached = doc.attachedPolicies ?? [];
  if (!attached.includes(policyArn)) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  savePrincipal(ctx, h, { ...doc, attachedPolicies: attached.filter((a) => a !== policyArn) });
  return {};
}

function listAttached<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  h: PrincipalKind<D>,
  name: string,
  input: { PathPrefix?: string | undefined; Marker?: string | undefined; MaxItems?: number },
) {
  ctx.authorize(`iam:ListAttached${h.noun}Policies`, targetPrincipalArn(ctx, h, name));
  const doc = requirePrincipal(ctx, h, name);
  const prefix = input.PathPrefix ?? '/';
  const items = (doc.attachedPolicies ?? [])
    .map((arn) => findManagedPolicy(arn))
    .filter((p): p is ManagedPolicy => p !== undefined && p.path.startsWith(prefix))
    .map((p) => ({ PolicyName: p.name, PolicyArn: p.arn }));
  const page = paginate(items, input.Marker, input.MaxItems);
  return { AttachedPolicies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export const attachRolePolicy = defineOperation({
  input: z.object({ RoleName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => attach(ctx, ROLE, input.RoleName, input.PolicyArn),
});

export const detachRolePolicy = defineOperation({
  input: z.object({ RoleName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => detach(ctx, ROLE, input.RoleName, input.PolicyArn),
});

export const listAttachedRolePolicies = defineOperation({
  input: z.object({
    RoleName: NAME,
    PathPrefix: POLICY_PATH_PREFIX,
    Marker: MARKER,
    MaxItems: MAX_ITEMS,
  }),
  readOnly: true,
  handler: (ctx, input) => listAttached(ctx, ROLE, input.RoleName, input),
  responseElements: null,
});

export const attachUserPolicy = defineOperation({
  input: z.object({ UserName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => attach(ctx, USER, input.UserName, input.PolicyArn),
});

export const detachUserPolicy = defineOperation({
  input: z.object({ UserName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => detach(ctx, USER, input.UserName, input.PolicyArn),
});

export const listAttachedUserPolicies = defineOperation({
  input: z.object({
    UserName: NAME,
    PathPrefix: POLICY_PATH_PREFIX,
    Marker: MARKER,
    MaxItems: MAX_ITEMS,
  }),
  readOnly: true,
  handler: (ctx, input) => listAttached(ctx, USER, input.UserName, input),
  responseElements: null,
});

export const attachGroupPolicy = defineOperation({
  input: z.object({ GroupName: GROUP_NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => attach(ctx, GROUP, input.GroupName, input.PolicyArn),
});

export const detachGroupPolicy = defineOperation({
  input: z.object({ GroupName: GROUP_NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => detach(ctx, GROUP, input.GroupName, input.PolicyArn),
});

export const listAttachedGroupPolicies = defineOperation({
  input: z.object({
    GroupName: GROUP_NAME,
    PathPrefix: POLICY_PATH_PREFIX,
    Marker: MARKER,
    MaxItems: MAX_ITEMS,
  }),
  readOnly: true,
  handler: (ctx, input) => listAttached(ctx, GROUP, input.GroupName, input),
  responseElements: null,
});
