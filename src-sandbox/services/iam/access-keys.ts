import { z } from 'zod';
import { newAccessKeyId, newSecretAccessKey } from '../../identity/id-generators';
import { ACCESS_KEY, type AccessKeyDoc } from '../../identity/model';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsString } from '../validation';
import {
  callerUserName,
  iamDate,
  limitExceeded,
  MARKER,
  MAX_ITEMS,
  NAME,
  noSuchEntity,
  paginate,
} from './common';
import { requireUser } from './users';

const ACCESS_KEY_ID = awsString(16, 128, /^[\w]+$/, '[\\w]+');
const MAX_KEYS_PER_USER = 2;

/** The user the keys belong to (undefined = the account root) and the ARN to authorise on. */
function owner(ctx: ServiceContext, given: string | undefined): { userName?: string; arn: string } {
  const name = callerUserName(ctx, given);
  if (name === undefined) return { arn: ctx.caller.arn };
  return { userName: requireUser(ctx, name).userName, arn: requireUser(ctx, name).arn };
}

function keysOf(ctx: ServiceContext, userName: string | undefined): AccessKeyDoc[] {
  return ctx.store.list(ACCESS_KEY, ctx.scope).filter((k) => k.userName === userName);
}

function requireKey(ctx: ServiceContext, userName: string | undefined, id: string): AccessKeyDoc {
  const key = ctx.store.get(ACCESS_KEY, ctx.scope, id);
  if (!key || key.userName !== userName)
    throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return key;
}

const metadata = (k: AccessKeyDoc) => ({
  UserName: k.userName,
  AccessKeyId: k.accessKeyId,
  Status: k.status,
  CreateDate: iamDate(k.createDate),
});

export const createAccessKey = defineOperation({
  input: z.object({ UserName: NAME.optional() }),
  handler: (ctx, input) => {
    const who = owner(ctx, input.UserName);
    ctx.authorize('iam:CreateAccessKey', who.arn);
    if (keysOf(ctx, who.userName).length >= MAX_KEYS_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_KEYS_PER_USER}`);
    }
    const key: AccessKeyDoc = {
      accessKeyId: newAccessKeyId('long-term'),
      secretAccessKey: newSecretAccessKey(),
      ...(who.userName === undefined ? {} : { userName: who.userName }),
      status: 'Active',
      createDate: ctx.now().toISOString(),
    };
    ctx.store.put(ACCESS_KEY, ctx.scope, key.accessKeyId, key);
    return { AccessKey: { ...metadata(key), SecretAccessKey: key.secretAccessKey } };
  },
});

export const listAccessKeys = defineOperation({
  input: z.object({ UserName: NAME.optional(), Marker: MARKER, MaxItems: MAX_ITEMS }),
  readOnly: true,
  handler: (ctx, input) => {
    const who = owner(ctx, input.UserName);
    ctx.authorize('iam:ListAccessKeys', who.arn);
    const page = paginate(keysOf(ctx, who.userName), input.Marker, input.MaxItems);
    return {
      AccessKeyMetadata: page.items.map(metadata),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  responseElements: null,
});

export const updateAccessKey = defineOperation({
  input: z.object({
    UserName: NAME.optional(),
    AccessKeyId: ACCESS_KEY_ID,
    Status: z.enum(['Active', 'Inactive']),
  }),
  handler: (ctx, input) => {
    const who = owner(ctx, input.UserName);
    ctx.authorize('iam:UpdateAccessKey', who.arn);
    const key = requireKey(ctx, who.userName, input.AccessKeyId);
    ctx.store.put(ACCESS_KEY, ctx.scope, key.accessKeyId, { ...key, status: input.Status });
    return {};
  },
});

export const deleteAccessKey = defineOperation({
  input: z.object({ UserName: NAME.optional(), AccessKeyId: ACCESS_KEY_ID }),
  handler: (ctx, input) => {
    const who = owner(ctx, input.UserName);
    ctx.authorize('iam:DeleteAccessKey', who.arn);
    requireKey(ctx, who.userName, input.AccessKeyId);
    ctx.store.delete(ACCESS_KEY, ctx.scope, input.AccessKeyId);
    return {};
  },
});
