import { z } from 'zod';
import { IAM_ROLE, IAM_USER, type IamRoleDoc, type IamUserDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { Operation, ServiceContext } from '../types';
import {
  encodePolicy,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  NAME,
  nameKey,
  noSuchEntity,
  paginate,
  POLICY_DOCUMENT,
  POLICY_NAME,
  policySize,
  requireValidPolicy,
} from './common';
import { requireRole } from './roles';
import { requireUser } from './users';

/** The four inline-policy operations, for users (2,048 chars in all) or roles (10,240). */
interface Holder<D extends IamUserDoc | IamRoleDoc> {
  readonly noun: 'User' | 'Role';
  readonly sizeLimit: number;
  load(ctx: ServiceContext, name: string): D;
  save(ctx: ServiceContext, doc: D, policies: Readonly<Record<string, string>>): void;
  nameOf(doc: D): string;
  /** `shape` plus the owner's `UserName`/`RoleName`, which the parsed input carries as `owner`. */
  schema<S extends z.ZodRawShape>(shape: S): z.ZodType<z.infer<z.ZodObject<S>> & { owner: string }>;
}

const users: Holder<IamUserDoc> = {
  noun: 'User',
  sizeLimit: 2048,
  load: requireUser,
  save: (ctx, doc, policies) =>
    ctx.store.put(IAM_USER, ctx.scope, nameKey(doc.userName), { ...doc, policies }),
  nameOf: (doc) => doc.userName,
  schema: (shape) =>
    z.intersection(
      z.object(shape),
      z.object({ UserName: NAME }).transform((o) => ({ owner: o.UserName })),
    ),
};

const roles: Holder<IamRoleDoc> = {
  noun: 'Role',
  sizeLimit: 10240,
  load: requireRole,
  save: (ctx, doc, policies) =>
    ctx.store.put(IAM_ROLE, ctx.scope, nameKey(doc.roleName), { ...doc, policies }),
  nameOf: (doc) => doc.roleName,
  schema: (shape) =>
    z.intersection(
      z.object(shape),
      z.object({ RoleName: NAME }).transform((o) => ({ owner: o.RoleName })),
    ),
};

function operations<D extends IamUserDoc | IamRoleDoc>(h: Holder<D>): Record<string, Operation> {
  const noun = h.noun;
  const lower = noun.toLowerCase();
  const ownerKey = `${noun}Name`;
  const withOwner = <S extends z.ZodRawShape>(shape: S) => h.schema(shape);
  const policyNotFound = (name: string) =>
    noSuchEntity(`The ${lower} policy with name ${name} cannot be found.`);

  return {
    [`Put${noun}Policy`]: defineOperation({
      input: withOwner({ PolicyName: POLICY_NAME, PolicyDocument: POLICY_DOCUMENT }),
      handler: (ctx, input) => {
        const doc = h.load(ctx, input.owner);
        ctx.authorize(`iam:Put${noun}Policy`, doc.arn);
        requireValidPolicy(input.PolicyDocument, 'identity');
        const policies = { ...doc.policies, [input.PolicyName]: input.PolicyDocument };
        const total = Object.values(policies).reduce((n, p) => n + policySize(p), 0);
        if (total > h.sizeLimit) {
          throw limitExceeded(
            `Maximum policy size of ${h.sizeLimit} bytes exceeded for ${lower} ${h.nameOf(doc)}`,
          );
        }
        h.save(ctx, doc, policies);
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
        const doc = h.load(ctx, input.owner);
        ctx.authorize(`iam:Get${noun}Policy`, doc.arn);
        const text = doc.policies[input.PolicyName];
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
        const doc = h.load(ctx, input.owner);
        ctx.authorize(`iam:List${noun}Policies`, doc.arn);
        const page = paginate(Object.keys(doc.policies).sort(), input.Marker, input.MaxItems);
        return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
      responseElements: null,
    }),
    [`Delete${noun}Policy`]: defineOperation({
      input: withOwner({ PolicyName: POLICY_NAME }),
      handler: (ctx, input) => {
        const doc = h.load(ctx, input.owner);
        ctx.authorize(`iam:Delete${noun}Policy`, doc.arn);
        if (doc.policies[input.PolicyName] === undefined) throw policyNotFound(input.PolicyName);
        const policies = Object.fromEntries(
          Object.entries(doc.policies).filter(([k]) => k !== input.PolicyName),
        );
        h.save(ctx, doc, policies);
        return {};
      },
    }),
  };
}

export const userPolicyOperations = operations(users);
export const rolePolicyOperations = operations(roles);
