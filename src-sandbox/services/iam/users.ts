import { z } from 'zod';
import { newUniqueId } from '../../identity/id-generators';
import { ACCESS_KEY, ACCOUNT, IAM_USER, MFA_DEVICE, type IamUserDoc } from '../../identity/model';
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
  nameKey,
  noSuchEntity,
  paginate,
  PATH,
  TAGS,
  userArn,
} from './common';

export function userView(u: IamUserDoc) {
  return {
    Path: u.path,
    UserName: u.userName,
    UserId: u.userId,
    Arn: u.arn,
    CreateDate: iamDate(u.createDate),
  };
}

export function requireUser(ctx: ServiceContext, name: string): IamUserDoc {
  const user = ctx.store.get(IAM_USER, ctx.scope, nameKey(name));
  if (!user) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}

/** ARN for authorising an operation on a user that may not exist yet. */
export function targetUserArn(ctx: ServiceContext, name: string): string {
  return ctx.store.get(IAM_USER, ctx.scope, nameKey(name))?.arn ?? userArn(ctx.account, '/', name);
}

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
    if (ctx.store.get(IAM_USER, ctx.scope, nameKey(input.UserName))) {
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
    ctx.store.put(IAM_USER, ctx.scope, nameKey(user.userName), user);
    ctx.describeEvent({
      resources: [{ accountId: ctx.account, type: 'AWS::IAM::User', ARN: arn }],
    });
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

export const listUsers = defineOperation({
  input: z.object({ PathPrefix: z.string().optional(), Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('iam:ListUsers', `arn:aws:iam::${ctx.account}:user/`);
    const prefix = input.PathPrefix ?? '/';
    const all = ctx.store
      .list(IAM_USER, ctx.scope)
      .filter((u) => u.path.startsWith(prefix))
      .sort((a, b) => a.userName.localeCompare(b.userName));
    const page = paginate(all, input.Marker, input.MaxItems);
    return { Users: page.items.map(userView), IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  responseElements: null,
});

export const deleteUser = defineOperation({
  input: z.object({ UserName: NAME }),
  handler: (ctx, input) => {
    ctx.authorize('iam:DeleteUser', targetUserArn(ctx, input.UserName));
    const user = requireUser(ctx, input.UserName);
    if (ctx.store.list(ACCESS_KEY, ctx.scope).some((k) => k.userName === user.userName)) {
      throw deleteConflict('Cannot delete entity, must delete access keys first.');
    }
    if (Object.keys(user.policies).length > 0)
      throw deleteConflict('Cannot delete entity, must delete policies first.');
    if ((user.attachedPolicies ?? []).length > 0)
      throw deleteConflict('Cannot delete entity, must detach all policies first.');
    if (ctx.store.list(MFA_DEVICE, ctx.scope).some((d) => d.userName === user.userName)) {
      throw deleteConflict('Cannot delete entity, must delete MFA device first.');
    }
    ctx.store.delete(IAM_USER, ctx.scope, nameKey(user.userName));
    ctx.describeEvent({
      resources: [{ accountId: ctx.account, type: 'AWS::IAM::User', ARN: user.arn }],
    });
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
