import { z } from 'zod';
import type { ManagedPolicy } from '../../identity/managed-policies';
import { IAM_GROUP, IAM_ROLE, IAM_USER } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsString } from '../validation';
import { encodePolicy, iamDate, noSuchEntity } from './common';
import { POLICY_ARN, requireManagedPolicy } from './attached-policies';

/** GetPolicy and GetPolicyVersion for the AWS managed policies the sandbox knows. */

const VERSION_ID = awsString(
  1,
  128,
  /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/,
  'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
);

/** Users, roles and groups of the caller's account that have the policy attached. */
function attachmentCount(ctx: ServiceContext, arn: string): number {
  const holders = [
    ...ctx.store.list(IAM_USER, ctx.scope),
    ...ctx.store.list(IAM_ROLE, ctx.scope),
    ...ctx.store.list(IAM_GROUP, ctx.scope),
  ];
  return holders.filter((h) => (h.attachedPolicies ?? []).includes(arn)).length;
}

function policyView(ctx: ServiceContext, p: ManagedPolicy) {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: attachmentCount(ctx, p.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: p.description,
    CreateDate: iamDate(p.createDate),
    UpdateDate: iamDate(p.updateDate),
  };
}

/** AWS managed policies live in no customer account; evaluate them in the caller's. */
function authorizeOnPolicy(ctx: ServiceContext, action: string, arn: string): void {
  ctx.authorize(action, arn, {}, { resourceAccount: ctx.account });
}

export const getPolicy = defineOperation({
  input: z.object({ PolicyArn: POLICY_ARN }),
  readOnly: true,
  handler: (ctx, input) => {
    authorizeOnPolicy(ctx, 'iam:GetPolicy', input.PolicyArn);
    return { Policy: policyView(ctx, requireManagedPolicy(input.PolicyArn)) };
  },
  responseElements: null,
});

export const getPolicyVersion = defineOperation({
  input: z.object({ PolicyArn: POLICY_ARN, VersionId: VERSION_ID }),
  readOnly: true,
  handler: (ctx, input) => {
    authorizeOnPolicy(ctx, 'iam:GetPolicyVersion', input.PolicyArn);
    const policy = requireManagedPolicy(input.PolicyArn);
    if (input.VersionId !== policy.defaultVersionId) {
      throw noSuchEntity(
        `Policy ${policy.arn} version ${input.VersionId} does not exist or is not attachable.`,
      );
    }
    return {
      PolicyVersion: {
        Document: encodePolicy(policy.document),
        VersionId: policy.defaultVersionId,
        IsDefaultVersion: true,
        CreateDate: iamDate(policy.updateDate),
      },
    };
  },
  responseElements: null,
});
