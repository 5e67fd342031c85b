import { z } from 'zod';
import { newUniqueId } from '../../identity/id-generators';
import { IAM_USER, type IamGroupDoc, type IamUserDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import {
  alreadyExists,
  deleteConflict,
  groupArn,
  GROUP_NAME,
  iamDate,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  NAME,
  nameKey,
  noSuchEntity,
  paginate,
  PATH,
} from './common';
import {
  deletePrincipal,
  describePrincipalEvent,
  findPrincipal,
  GROUP,
  listPrincipalsOperation,
  requireNoPolicies,
  requirePrincipal,
  savePrincipal,
  targetPrincipalArn,
  USER,
} from './principals';
import { requireUser, userView } from './users';

/** IAM default quota `GroupsPerUser`. */
const MAX_GROUPS_PER_USER = 10;

function groupView(g: IamGroupDoc) {
  return {
    Path: g.path,
    GroupName: g.groupName,
    GroupId: g.groupId,
    Arn: g.arn,
    CreateDate: iamDate(g.createDate),
  };
}

const targetGroupArn = (ctx: ServiceContext, name: string) => targetPrincipalArn(ctx, GROUP, name);

const isMember = (user: IamUserDoc, group: IamGroupDoc) =>
  (user.groups ?? []).some((g) => nameKey(g) === nameKey(group.groupName));

function membersOf(ctx: ServiceContext, group: IamGroupDoc): IamUserDoc[] {
  return ctx.store
    .list(IAM_USER, ctx.scope)
    .filter((u) => isMember(u, group))
    .sort((a, b) => a.userName.localeCompare(b.userName));
}

const membership = z.object({ GroupName: GROUP_NAME, UserName: NAME });

export const createGroup = defineOperation({
  input: z.object({ GroupName: GROUP_NAME, Path: PATH.optional() }),
  handler: (ctx, input) => {
    const path = input.Path ?? '/';
    const arn = groupArn(ctx.account, path, input.GroupName);
    ctx.authorize('iam:CreateGroup', arn);
    if (findPrincipal(ctx, GROUP, input.GroupName)) {
      throw alreadyExists(`Group with name ${input.GroupName} already exists.`);
    }
    const group: IamGroupDoc = {
      groupName: input.GroupName,
      groupId: newUniqueId('AGPA'),
      arn,
      path,
      createDate: ctx.now().toISOString(),
      policies: {},
    };
    savePrincipal(ctx, GROUP, group);
    describePrincipalEvent(ctx, GROUP, arn);
    return { Group: groupView(group) };
  },
});

export const getGroup = defineOperation({
  input: z.object({ GroupName: GROUP_NAME, Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('iam:GetGroup', targetGroupArn(ctx, input.GroupName));
    const group = requirePrincipal(ctx, GROUP, input.GroupName);
    const page = paginate(membersOf(ctx, group), input.Marker, input.MaxItems);
    return {
      Group: groupView(group),
      Users: page.items.map(userView),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  responseElements: null,
});

export const listGroups = listPrincipalsOperation(GROUP, groupView);

export const deleteGroup = defineOperation({
  input: z.object({ GroupName: GROUP_NAME }),
  handler: (ctx, input) => {
    ctx.authorize('iam:DeleteGroup', targetGroupArn(ctx, input.GroupName));
    const group = requirePrincipal(ctx, GROUP, input.GroupName);
    if (membersOf(ctx, group).length > 0) {
      throw deleteConflict('Cannot delete entity, must remove users from group first.');
    }
    requireNoPolicies(group);
    deletePrincipal(ctx, GROUP, group);
    return {};
  },
});

export const addUserToGroup = defineOperation({
  input: membership,
  handler: (ctx, input) => {
    ctx.authorize('iam:AddUserToGroup', targetGroupArn(ctx, input.GroupName));
    const group = requirePrincipal(ctx, GROUP, input.GroupName);
    const user = requireUser(ctx, input.UserName);
    describePrincipalEvent(ctx, GROUP, group.arn);
    if (isMember(user, group)) return {}; // adding twice is a no-op, as in AWS
    const groups = user.groups ?? [];
    if (groups.length >= MAX_GROUPS_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${MAX_GROUPS_PER_USER}`);
    }
    savePrincipal(ctx, USER, { ...user, groups: [...groups, group.groupName] });
    return {};
  },
});

export const removeUserFromGroup = defineOperation({
  input: membership,
  handler: (ctx, input) => {
    ctx.authorize('iam:RemoveUserFromGroup', targetGroupArn(ctx, input.GroupName));
    const group = requirePrincipal(ctx, GROUP, input.GroupName);
    const user = requireUser(ctx, input.UserName);
    // Wording UNCONFIRMED: AWS answers NoSuchEntity for a user who is not in the group.
    if (!isMember(user, group)) {
      throw noSuchEntity(`The user with name ${user.userName} cannot be found.`);
    }
    const groups = (user.groups ?? []).filter((g) => nameKey(g) !== nameKey(group.groupName));
    savePrincipal(ctx, USER, { ...user, groups });
    describePrincipalEvent(ctx, GROUP, group.arn);
    return {};
  },
});

export const listGroupsForUser = defineOperation({
  input: z.object({ UserName: NAME, Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('iam:ListGroupsForUser', targetPrincipalArn(ctx, USER, input.UserName));
    const user = requireUser(ctx, input.UserName);
    const groups = (user.groups ?? []).flatMap((name) => findPrincipal(ctx, GROUP, name) ?? []);
    const page = paginate(groups.map(groupView), input.Marker, input.MaxItems);
    return { Groups: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  responseElements: null,
});
