import { z } from 'zod';
import { ownMember } from '../../protocols/own-member';
import { defineOperation } from '../define-operation';
import type { Operation } from '../types';
import {
  encodePolicy,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  noSuchEntity,
  paginate,
  POLICY_DOCUMENT,
  POLICY_NAME,
  policySize,
  requireValidPolicy,
} from './common';
import {
  GROUP,
  type PolicyHolderDoc,
  type PrincipalKind,
  requirePrincipal,
  ROLE,
  savePrincipal,
  USER,
} from './principals';

/** The four inline-policy operations of users, roles or groups. */
function operations<D extends PolicyHolderDoc>(h: PrincipalKind<D>): Record<string, Operation> {
  const noun = h.noun;
  const lower = noun.toLowerCase();
  const ownerKey = `${noun}Name`;
  const withOwner = <S extends z.ZodRawShape>(shape: S) =>
    z.intersection(z.object(shape), h.ownerInput);
  const policyNotFound = (name: string) =>
    noSuchEntity(`The ${lower} policy with name ${name} cannot be found.`);

  return {
    [`Put${noun}Policy`]: defineOperation({
      input: withOwner({ PolicyName: POLICY_NAME, PolicyDocument: POLICY_DOCUMENT }),
      handler: (ctx, input) => {
        const doc = requirePrincipal(ctx, h, input.owner);
        ctx.authorize(`iam:Put${noun}Policy`, doc.arn);
        requireValidPolicy(input.PolicyDocument, 'identity');
        const policies = { ...doc.policies, [input.PolicyName]: input.PolicyDocument };
        const total = Object.values(policies).reduce((n, p) => n + policySize(p), 0);
        if (total > h.inlinePolicySizeLimit) {
          throw limitExceeded(
            `Maximum policy size of ${h.inlinePolicySizeLimit} bytes exceeded for ${lower} ${h.nameOf(doc)}`,
          );
        }
        savePrincipal(ctx, h, { ...doc, policies });
        return {};
      },
      requestParameters: (input) => ({
        [`${lower}Name`]: input.owner,
        policyName: input.PolicyName,
        policyDocument: input.PolicyDocument,
      }),
    }),
    [`Get${noun}Policy`]: defineOperation({
      input: withOwner({ PolicyName: POLICY_NAME }),
      readOnly: true,
      handler: (ctx, input) => {
        const doc = requirePrincipal(ctx, h, input.owner);
        ctx.authorize(`iam:Get${noun}Policy`, doc.arn);
        const text = ownMember(doc.policies, input.PolicyName);
        if (text === undefined) throw policyNotFound(input.PolicyName);
        return {
          [ownerKey]: h.nameOf(doc),
          PolicyName: input.PolicyName,
          PolicyDocument: encodePolicy(text),
        };
      },
      responseElements: null,
    }),
    [`List${noun}Policies`]: defineOperation({
      input: withOwner({ Marker: MARKER, MaxItems: MAX_ITEMS }),
      readOnly: true,
      handler: (ctx, input) => {
        const doc = requirePrincipal(ctx, h, input.owner);
        ctx.authorize(`iam:List${noun}Policies`, doc.arn);
        const page = paginate(Object.keys(doc.policies).sort(), input.Marker, input.MaxItems);
        return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
      responseElements: null,
    }),
    [`Delete${noun}Policy`]: defineOperation({
      input: withOwner({ PolicyName: POLICY_NAME }),
      handler: (ctx, input) => {
        const doc = requirePrincipal(ctx, h, input.owner);
        ctx.authorize(`iam:Delete${noun}Policy`, doc.arn);
        if (ownMember(doc.policies, input.PolicyName) === undefined)
          throw policyNotFound(input.PolicyName);
        const policies = Object.fromEntries(
          Object.entries(doc.policies).filter(([k]) => k !== input.PolicyName),
        );
        savePrincipal(ctx, h, { ...doc, policies });
        return {};
      },
    }),
  };
}

export const userPolicyOperations = operations(USER);
export const rolePolicyOperations = operations(ROLE);
export const groupPolicyOperations = operations(GROUP);
