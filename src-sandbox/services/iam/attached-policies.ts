import { z } from 'zod';
import {
  findManagedPolicy,
  MAX_ATTACHED_POLICIES,
  type ManagedPolicy,
} from '../../identity/managed-policies';
import { IAM_ROLE, IAM_USER, type IamRoleDoc, type IamUserDoc } from '../../identity/model';
import { SandboxError } from '../../protocols/sandbox-error';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsString } from '../validation';
import { limitExceeded, MARKER, MAX_ITEMS, NAME, nameKey, noSuchEntity, paginate } from './common';
import { requireRole, targetRoleArn } from './roles';
import { requireUser, targetUserArn } from './users';

/** Attach/Detach/ListAttached{User,Role}Policies (reference §4.3). */

export const POLICY_ARN = awsString(20, 2048);
const POLICY_PATH_PREFIX = awsString(
  1,
  512,
  /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/,
  '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/',
).optional();

const WELL_FORMED_POLICY_ARN =
  /^arn:aws:iam::(aws|\d{12}):policy\/([\u0021-\u007E]+\/)?[\w+=,.@-]+$/;

interface Holder<D extends IamUserDoc | IamRoleDoc> {
  readonly noun: 'User' | 'Role';
  load(ctx: ServiceContext, name: string): D;
  targetArn(ctx: ServiceContext, name: string): string;
  save(ctx: ServiceContext, doc: D, attached: readonly string[]): void;
}

const users: Holder<IamUserDoc> = {
  noun: 'User',
  load: requireUser,
  targetArn: targetUserArn,
  save: (ctx, doc, attachedPolicies) =>
    ctx.store.put(IAM_USER, ctx.scope, nameKey(doc.userName), { ...doc, attachedPolicies }),
};

const roles: Holder<IamRoleDoc> = {
  noun: 'Role',
  load: requireRole,
  targetArn: targetRoleArn,
  save: (ctx, doc, attachedPolicies) =>
    ctx.store.put(IAM_ROLE, ctx.scope, nameKey(doc.roleName), { ...doc, attachedPolicies }),
};

/** `InvalidInput` for a malformed ARN, `NoSuchEntity` for one the sandbox does not know. */
export function requireManagedPolicy(arn: string) {
  if (!WELL_FORMED_POLICY_ARN.test(arn)) {
    throw new SandboxError('InvalidInput', `ARN ${arn} is not valid.`, 400);
  }
  const policy = findManagedPolicy(arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

function attach<D extends IamUserDoc | IamRoleDoc>(
  ctx: ServiceContext,
  h: Holder<D>,
  name: string,
  policyArn: string,
): Record<string, never> {
  ctx.authorize(`iam:Attach${h.noun}Policy`, h.targetArn(ctx, name), {
    'iam:PolicyARN': policyArn,
  });
  const doc = h.load(ctx, name);
  const policy = requireManagedPolicy(policyArn);
  const attached = doc.attachedPolicies ?? [];
  if (attached.includes(policy.arn)) return {}; // attaching twice is a no-op, as in AWS
  if (attached.length >= MAX_ATTACHED_POLICIES) {
    throw limitExceeded(`Cannot exceed quota for PoliciesPer${h.noun}: ${MAX_ATTACHED_POLICIES}`);
  }
  h.save(ctx, doc, [...attached, policy.arn]);
  return {};
}

function detach<D extends IamUserDoc | IamRoleDoc>(
  ctx: ServiceContext,
  h: Holder<D>,
  name: string,
  policyArn: string,
): Record<string, never> {
  ctx.authorize(`iam:Detach${h.noun}Policy`, h.targetArn(ctx, name), {
    'iam:PolicyARN': policyArn,
  });
  const doc = h.load(ctx, name);
  if (!WELL_FORMED_POLICY_ARN.test(policyArn)) {
    throw new SandboxError('InvalidInput', `ARN ${policyArn} is not valid.`, 400);
  }
  const attached = doc.attachedPolicies ?? [];
  if (!attached.includes(policyArn)) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  h.save(
    ctx,
    doc,
    attached.filter((a) => a !== policyArn),
  );
  return {};
}

function listAttached<D extends IamUserDoc | IamRoleDoc>(
  ctx: ServiceContext,
  h: Holder<D>,
  name: string,
  input: { PathPrefix?: string | undefined; Marker?: string | undefined; MaxItems?: number },
) {
  ctx.authorize(`iam:ListAttached${h.noun}Policies`, h.targetArn(ctx, name));
  const doc = h.load(ctx, name);
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
  handler: (ctx, input) => attach(ctx, roles, input.RoleName, input.PolicyArn),
});

export const detachRolePolicy = defineOperation({
  input: z.object({ RoleName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => detach(ctx, roles, input.RoleName, input.PolicyArn),
});

export const listAttachedRolePolicies = defineOperation({
  input: z.object({
    RoleName: NAME,
    PathPrefix: POLICY_PATH_PREFIX,
    Marker: MARKER,
    MaxItems: MAX_ITEMS,
  }),
  readOnly: true,
  handler: (ctx, input) => listAttached(ctx, roles, input.RoleName, input),
  responseElements: null,
});

export const attachUserPolicy = defineOperation({
  input: z.object({ UserName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => attach(ctx, users, input.UserName, input.PolicyArn),
});

export const detachUserPolicy = defineOperation({
  input: z.object({ UserName: NAME, PolicyArn: POLICY_ARN }),
  handler: (ctx, input) => detach(ctx, users, input.UserName, input.PolicyArn),
});

export const listAttachedUserPolicies = defineOperation({
  input: z.object({
    UserName: NAME,
    PathPrefix: POLICY_PATH_PREFIX,
    Marker: MARKER,
    MaxItems: MAX_ITEMS,
  }),
  readOnly: true,
  handler: (ctx, input) => listAttached(ctx, users, input.UserName, input),
  responseElements: null,
});
