import { z } from 'zod';
import { newUniqueId } from '../../identity/id-generators';
import type { IamRoleDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsInt, awsString } from '../validation';
import {
  alreadyExists,
  encodePolicy,
  iamDate,
  limitExceeded,
  NAME,
  PATH,
  POLICY_DOCUMENT,
  policySize,
  requireValidPolicy,
  roleArn,
  TAGS,
} from './common';
import {
  deletePrincipal,
  describePrincipalEvent,
  findPrincipal,
  listPrincipalsOperation,
  requireNoPolicies,
  requirePrincipal,
  ROLE,
  savePrincipal,
  targetPrincipalArn,
} from './principals';

const TRUST_POLICY_LIMIT = 2048;

const requireRole = (ctx: ServiceContext, name: string): IamRoleDoc =>
  requirePrincipal(ctx, ROLE, name);

const targetRoleArn = (ctx: ServiceContext, name: string) => targetPrincipalArn(ctx, ROLE, name);

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
    if (findPrincipal(ctx, ROLE, input.RoleName)) {
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
    savePrincipal(ctx, ROLE, role);
    describePrincipalEvent(ctx, ROLE, arn);
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

export const listRoles = listPrincipalsOperation(ROLE, roleView);

export const deleteRole = defineOperation({
  input: z.object({ RoleName: NAME }),
  handler: (ctx, input) => {
    ctx.authorize('iam:DeleteRole', targetRoleArn(ctx, input.RoleName));
    const role = requireRole(ctx, input.RoleName);
    requireNoPolicies(role);
    deletePrincipal(ctx, ROLE, role);
    return {};
  },
});

export const updateAssumeRolePolicy = defineOperation({
  input: z.object({ RoleName: NAME, PolicyDocument: POLICY_DOCUMENT }),
  handler: (ctx, input) => {
    ctx.authorize('iam:UpdateAssumeRolePolicy', targetRoleArn(ctx, input.RoleName));
    const role = requireRole(ctx, input.RoleName);
    checkTrustPolicy(input.PolicyDocument);
    savePrincipal(ctx, ROLE, { ...role, assumeRolePolicyDocument: input.PolicyDocument });
    describePrincipalEvent(ctx, ROLE, role.arn);
    return {};
  },
});
