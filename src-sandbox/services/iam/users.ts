import { z } from 'zod';
import { newUniqueId } from '../../identity/id-generators';
import { ACCESS_KEY, ACCOUNT, MFA_DEVICE, type IamUserDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import {
  alreadyExists,
  callerUserName,
  deleteConflict,
  iamDate,
  MARKER,
  MAX_ITEMS,
  NAME,
  PATH,
  TAGS,
  userArn,
} from './common';
import {
  deletePrincipal,
  describePrincipalEvent,
  findPrincipal,
  listPrincipalsOperation,
  requireNoPolicies,
  requirePrincipal,
  savePrincipal,
  targetPrincipalArn,
  USER,
} from './principals';

export function userView(u: IamUserDoc) {
  return {
    Path: u.path,
    UserName: u.userName,
    UserId: u.userId,
    Arn: u.arn,
    CreateDate: iamDate(u.createDate),
  };
}

export const requireUser = (ctx: ServiceContext, name: string): IamUserDoc =>
  requirePrincipal(ctx, USER, name);

const targetUserArn = (ctx: ServiceContext, name: string) => targetPrincipalArn(ctx, USER, name);

export const createUser = defineOperation({
  input: z.object({
    UserName: NAME,
    Path: PATH.optional(),
    PermissionsBoundary: z.string().optional(),
    Tags: TAGS,
  }),
  handler: (ctx, input) => {
    const path = input.Path ?? '/';
    const arn = userArn(ctx.account, path, input.UserName);
    ctx.authorize('iam:CreateUser', arn);
    if (findPrincipal(ctx, USER, input.UserName)) {
      throw alreadyExists(`User with name ${input.UserName} already exists.`);
    }
    const user: IamUserDoc = {
      userName: input.UserName,
      userId: newUniqueId('AIDA'),
      arn,
      path,
      createDate: ctx.now().toISOString(),
      policies: {},
    };
    savePrincipal(ctx, USER, user);
    describePrincipalEvent(ctx, USER, arn);
    return { User: userView(user) };
  },
});

export const getUser = defineOperation({
  input: z.object({ UserName: NAME.optional() }),
  readOnly: true,
  handler: (ctx, input) => {
    const name = callerUserName(ctx, input.UserName);
    if (name === undefined) {
      // Root asking about itself.
      return {
        User: { UserId: ctx.account, Arn: ctx.caller.arn, CreateDate: new Date(0), Path: '/' },
      };
    }
    ctx.authorize('iam:GetUser', targetUserArn(ctx, name));
    return { User: userView(requireUser(ctx, name)) };
  },
});

export const listUsers = listPrincipalsOperation(USER, userView);

export const deleteUser = defineOperation({
  input: z.object({ UserName: NAME }),
  handler: (ctx, input) => {
    ctx.authorize('iam:DeleteUser', targetUserArn(ctx, input.UserName));
    const user = requireUser(ctx, input.UserName);
    if (ctx.store.list(ACCESS_KEY, ctx.scope).some((k) => k.userName === user.userName)) {
      throw deleteConflict('Cannot delete entity, must delete access keys first.');
    }
    requireNoPolicies(user);
    if ((user.groups ?? []).length > 0) {
      throw deleteConflict('Cannot delete entity, must remove user from all groups first.');
    }
    if (ctx.store.list(MFA_DEVICE, ctx.scope).some((d) => d.userName === user.userName)) {
      throw deleteConflict('Cannot delete entity, must delete MFA device first.');
    }
    deletePrincipal(ctx, USER, user);
    return {};
  },
});

export const listAccountAliases = defineOperation({
  input: z.object({ Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx) => {
    ctx.authorize('iam:ListAccountAliases', '*');
    const alias = ctx.store.get(ACCOUNT, ctx.scope, ctx.account)?.alias;
    return { AccountAliases: alias === undefined ? [] : [alias], IsTruncated: false };
  },
});
