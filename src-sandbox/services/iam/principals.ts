import { z } from 'zod';
import {
  IAM_GROUP,
  IAM_ROLE,
  IAM_USER,
  type IamGroupDoc,
  type IamRoleDoc,
  type IamUserDoc,
} from '../../identity/model';
import type { DocumentKind } from '../../state/store-types';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import {
  deleteConflict,
  groupArn,
  GROUP_NAME,
  MARKER,
  MAX_ITEMS,
  NAME,
  nameKey,
  noSuchEntity,
  paginate,
  roleArn,
  userArn,
} from './common';

/** What holds inline and attached policies: a user, a role or a group. */
export type PolicyHolderDoc = IamUserDoc | IamRoleDoc | IamGroupDoc;

/**
 * A kind of IAM policy holder: users, roles and groups share the handlers that find, list and
 * delete them and attach, detach, put and delete their policies. Each kind names its document
 * collection, its name field and the words AWS uses for it in errors.
 */
export interface PrincipalKind<D extends PolicyHolderDoc> {
  /** `User` or `Role`, as it stands in action names (`iam:AttachUserPolicy`) and quota names. */
  readonly noun: 'User' | 'Role' | 'Group';
  readonly collection: DocumentKind<D>;
  /** CloudTrail resource type of the principal. */
  readonly resourceType: 'AWS::IAM::User' | 'AWS::IAM::Role' | 'AWS::IAM::Group';
  /** Total size of the inline policies (users 2,048 characters, roles 10,240, groups 5,120). */
  readonly inlinePolicySizeLimit: number;
  nameOf(doc: D): string;
  arn(account: string, path: string, name: string): string;
  notFoundMessage(name: string): string;
  /** The `UserName`/`RoleName` input field, parsed as `owner`. */
  readonly ownerInput: z.ZodType<{ owner: string }>;
}

export const USER: PrincipalKind<IamUserDoc> = {
  noun: 'User',
  collection: IAM_USER,
  resourceType: 'AWS::IAM::User',
  inlinePolicySizeLimit: 2048,
  nameOf: (doc) => doc.userName,
  arn: userArn,
  notFoundMessage: (name) => `The user with name ${name} cannot be found.`,
  ownerInput: z.object({ UserName: NAME }).transform((o) => ({ owner: o.UserName })),
};

export const ROLE: PrincipalKind<IamRoleDoc> = {
  noun: 'Role',
  collection: IAM_ROLE,
  resourceType: 'AWS::IAM::Role',
  inlinePolicySizeLimit: 10240,
  nameOf: (doc) => doc.roleName,
  arn: roleArn,
  notFoundMessage: (name) => `The role with name ${name} cannot be found.`,
  ownerInput: z.object({ RoleName: NAME }).transform((o) => ({ owner: o.RoleName })),
};

export const GROUP: PrincipalKind<IamGroupDoc> = {
  noun: 'Group',
  collection: IAM_GROUP,
  resourceType: 'AWS::IAM::Group',
  inlinePolicySizeLimit: 5120,
  nameOf: (doc) => doc.groupName,
  arn: groupArn,
  notFoundMessage: (name) => `The group with name ${name} cannot be found.`,
  ownerInput: z.object({ GroupName: GROUP_NAME }).transform((o) => ({ owner: o.GroupName })),
};

export function findPrincipal<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  name: string,
): D | undefined {
  return ctx.store.get(kind.collection, ctx.scope, nameKey(name));
}

/** The principal, or `NoSuchEntity`. */
export function requirePrincipal<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  name: string,
): D {
  const doc = findPrincipal(ctx, kind, name);
  if (!doc) throw noSuchEntity(kind.notFoundMessage(name));
  return doc;
}

/** ARN for authorising an operation on a principal that may not exist yet. */
export function targetPrincipalArn<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  name: string,
): string {
  return findPrincipal(ctx, kind, name)?.arn ?? kind.arn(ctx.account, '/', name);
}

export function savePrincipal<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  doc: D,
): void {
  ctx.store.put(kind.collection, ctx.scope, nameKey(kind.nameOf(doc)), doc);
}

/** Records the principal as the resource of this call's CloudTrail event. */
export function describePrincipalEvent<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  arn: string,
): void {
  ctx.describeEvent({ resources: [{ accountId: ctx.account, type: kind.resourceType, ARN: arn }] });
}

/** `ListUsers`/`ListRoles`: the principals under `PathPrefix`, by name, one page of `view`s. */
export function listPrincipalsOperation<D extends PolicyHolderDoc, V>(
  kind: PrincipalKind<D>,
  view: (doc: D) => V,
) {
  return defineOperation({
    input: z.object({ PathPrefix: z.string().optional(), Marker: MARKER, MaxItems: MAX_ITEMS }),
    readOnly: true,
    handler: (ctx, input) => {
      const noun = kind.noun;
      ctx.authorize(`iam:List${noun}s`, `arn:aws:iam::${ctx.account}:${noun.toLowerCase()}/`);
      const prefix = input.PathPrefix ?? '/';
      const all = ctx.store
        .list(kind.collection, ctx.scope)
        .filter((d) => d.path.startsWith(prefix))
        .sort((a, b) => kind.nameOf(a).localeCompare(kind.nameOf(b)));
      const page = paginate(all, input.Marker, input.MaxItems);
      return {
        [`${noun}s`]: page.items.map(view),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
    responseElements: null,
  });
}

/** `DeleteConflict` while the principal still has inline or attached policies. */
export function requireNoPolicies(doc: PolicyHolderDoc): void {
  if (Object.keys(doc.policies).length > 0)
    throw deleteConflict('Cannot delete entity, must delete policies first.');
  if ((doc.attachedPolicies ?? []).length > 0)
    throw deleteConflict('Cannot delete entity, must detach all policies first.');
}

/** Deletes the principal and records it as the event's resource. */
export function deletePrincipal<D extends PolicyHolderDoc>(
  ctx: ServiceContext,
  kind: PrincipalKind<D>,
  doc: D,
): void {
  ctx.store.delete(kind.collection, ctx.scope, nameKey(kind.nameOf(doc)));
  describePrincipalEvent(ctx, kind, doc.arn);
}
