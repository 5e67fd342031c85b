import { z } from 'zod';
import { newUniqueId } from '../../identity/id-generators';
import { IAM_ROLE, type IamRoleDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsInt, awsString } from '../validation';
import {
  alreadyExists,
  deleteConflict,
  encodePolicy,
  iamDate,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  NAME,
  nameKey,
  noSuchEntity,
  paginate,
  PATH,
  POLICY_DOCUMENT,
  policySize,
  requireValidPolicy,
  roleArn,
  TAGS,
} from './common';

const TRUST_POLICY_LIMIT = 2048;

export function requireRole(ctx: ServiceContext, name: string): IamRoleDoc {
  const role = ctx.store.get(IAM_ROLE, ctx.scope, nameKey(name));
  if (!role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

export function targetRoleArn(ctx: ServiceContext, name: string): string {
  return ctx.store.get(IAM_ROLE, ctx.scope, nameKey(name))?.arn ?? roleArn(ctx.account, '/', name);
}

function checkTrustPolicy(text: string): void {
  requireValidPolicy(text, 'trust');
  if (policySize(text) > TRUST_POLICY_LIMIT) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_LIMIT}`);
  }
}

/** `ListRoles` leaves out Tags, PermissionsBoundary and RoleLastUsed (reference §4.3). */
export function roleView(r: IamRoleDoc) {
  return {
    Path: r.path,
    RoleName: r.roleName,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: iamDate(r.createDate),
    AssumeRolePolicyDocument: encodePolicy(r.assumeRolePolicyDocument),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
  };
}

const trail = (ctx: ServiceContext, arn: string) =>
  ctx.describeEvent({ resources: [{ accountId: ctx.account, type: 'AWS::IAM::Role', ARN: arn }] });

export const createRole = defineOperation({
  input: z.object({
    RoleName: NAME,
    AssumeRolePolicyDocument: POLICY_DOCUMENT,
    Path: PATH.optional(),
    Description: awsString(0, 1000).optional(),
    MaxSessionDuration: awsInt(3600, 43200).optional(),
    PermissionsBoundary: z.string().optional(),
    Tags: TAGS,
  }),
  handler: (ctx, input) => {
    const path = input.Path ?? '/';
    const arn = roleArn(ctx.account, path, input.RoleName);
    ctx.authorize('iam:CreateRole', arn);
    if (ctx.store.get(IAM_ROLE, ctx.scope, nameKey(input.RoleName))) {
      throw alreadyExists(`Role with name ${input.RoleName} already exists.`);
    }
    checkTrustPolicy(input.AssumeRolePolicyDocument);
    const role: IamRoleDoc = {
      roleName: input.RoleName,
      roleId: newUniqueId('AROA'),
      arn,
      path,
      createDate: ctx.now().toISOString(),
      ...(input.Description === undefined ? {} : { description: input.Description }),
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
      policies: {},
    };
    ctx.store.put(IAM_ROLE, ctx.scope, nameKey(role.roleName), role);
    trail(ctx, arn);
    return { Role: roleView(role) };
  },
});

export const getRole = defineOperation({
  input: z.object({ RoleName: NAME }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('iam:GetRole', targetRoleArn(ctx, input.RoleName));
    return { Role: { ...roleView(requireRole(ctx, input.RoleName)), RoleLastUsed: {} } };
  },
  responseElements: null,
});

export const listRoles = defineOperation({
  input: z.object({ PathPrefix: z.string().optional(), Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('iam:ListRoles', `arn:aws:iam::${ctx.account}:role/`);
    const prefix = input.PathPrefix ?? '/';
    const all = ctx.store
      .list(IAM_ROLE, ctx.scope)
      .filter((r) => r.path.startsWith(prefix))
      .sort((a, b) => a.roleName.localeCompare(b.roleName));
    const page = paginate(all, input.Marker, input.MaxItems);
    return { Roles: page.items.map(roleView), IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  responseElements: null,
});

export const deleteRole = defineOperation({
  input: z.object({ RoleName: NAME }),
  handler: (ctx, input) => {
    ctx.authorize('iam:DeleteRole', targetRoleArn(ctx, input.RoleName));
    const role = requireRole(ctx, input.RoleName);
    if (Object.keys(role.policies).length > 0)
      throw deleteConflict('Cannot delete entity, must delete policies first.');
    if ((role.attachedPolicies ?? []).length > 0)
      throw deleteConflict('Cannot delete entity, must detach all policies first.');
    ctx.store.delete(IAM_ROLE, ctx.scope, nameKey(role.roleName));
    trail(ctx, role.arn);
    return {};
  },
});

export const updateAssumeRolePolicy = defineOperation({
  input: z.object({ RoleName: NAME, PolicyDocument: POLICY_DOCUMENT }),
  handler: (ctx, input) => {
    ctx.authorize('iam:UpdateAssumeRolePolicy', targetRoleArn(ctx, input.RoleName));
    const role = requireRole(ctx, input.RoleName);
    checkTrustPolicy(input.PolicyDocument);
    ctx.store.put(IAM_ROLE, ctx.scope, nameKey(role.roleName), {
      ...role,
      assumeRolePolicyDocument: input.PolicyDocument,
    });
    trail(ctx, role.arn);
    return {};
  },
});
