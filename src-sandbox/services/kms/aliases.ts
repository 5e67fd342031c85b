import { z } from 'zod';
import { SandboxError } from '../../protocols/sandbox-error';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsInt, awsString } from '../validation';
import {
  alreadyExists,
  invalidMarker,
  kmsError,
  limitExceeded,
  notFound,
  validationError,
} from './errors';
import { kindOf } from './crypto';
import { PREDEFINED_AWS_ALIASES } from './key-factory';
import { accessKey, addKeyToTrail, authorizeKey, resolveKey } from './key-access';
import { liveKeys } from './key-maintenance';
import { aliasArnOf, KMS_ALIAS, type KmsAliasDoc, type KmsKeyDoc } from './model';
import { KEY_ID, MARKER, pageFields, paginate } from './schemas';

const MAX_ALIASES_PER_KEY = 50;

interface AliasEntry {
  readonly AliasName: string;
  readonly AliasArn: string;
  readonly TargetKeyId?: string;
  readonly CreationDate?: Date;
  readonly LastUpdatedDate?: Date;
}
const NAME = awsString(1, 256);

/** Alias name rules (reference §2.1, §2.5.2); `alias/aws/` is reserved for AWS. */
function checkAliasName(name: string): void {
  if (!name.startsWith('alias/')) {
    throw validationError(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  }
  if (!/^alias\/[a-zA-Z0-9:/_-]+$/.test(name)) {
    throw kmsError('InvalidAliasNameException', `Alias name ${name} is not valid.`);
  }
  if (name.startsWith('alias/aws/')) {
    // UNCONFIRMED (reference §2.5.2): emulators that mimic AWS answer this.
    throw new SandboxError(
      'NotAuthorizedException',
      "Cannot create alias with prefix 'alias/aws/'",
      403,
    );
  }
}

const aliasArn = (ctx: ServiceContext, name: string) => aliasArnOf(ctx.region, ctx.account, name);

function requireAlias(ctx: ServiceContext, name: string): KmsAliasDoc {
  const alias = ctx.store.get(KMS_ALIAS, ctx.scope, name);
  if (!alias) throw notFound(`Alias ${aliasArn(ctx, name)} is not found.`);
  return alias;
}

function aliasCount(ctx: ServiceContext, keyId: string): number {
  return ctx.store.list(KMS_ALIAS, ctx.scope).filter((a) => a.targetKeyId === keyId).length;
}

const category = (key: KmsKeyDoc) =>
  `${kindOf(key.keySpec) === 'symmetric' ? 'sym' : kindOf(key.keySpec)}/${key.keyUsage}`;

export const createAlias = defineOperation({
  input: z.object({ AliasName: NAME, TargetKeyId: KEY_ID }),
  handler: (ctx, input) => {
    checkAliasName(input.AliasName);
    ctx.authorize('kms:CreateAlias', aliasArn(ctx, input.AliasName));
    const key = accessKey(ctx, input.TargetKeyId, 'CreateAlias');
    if (ctx.store.get(KMS_ALIAS, ctx.scope, input.AliasName)) {
      // UNCONFIRMED exact text (reference §8.3).
      throw alreadyExists(
        `An alias with the name ${aliasArn(ctx, input.AliasName)} already exists`,
      );
    }
    if (aliasCount(ctx, key.keyId) >= MAX_ALIASES_PER_KEY) {
      throw limitExceeded(`A KMS key can have at most ${MAX_ALIASES_PER_KEY} aliases.`);
    }
    const now = ctx.now().getTime();
    ctx.store.put(KMS_ALIAS, ctx.scope, input.AliasName, {
      aliasName: input.AliasName,
      aliasArn: aliasArn(ctx, input.AliasName),
      targetKeyId: key.keyId,
      creationDate: now,
      lastUpdatedDate: now,
    });
    return {};
  },
});

export const updateAlias = defineOperation({
  input: z.object({ AliasName: NAME, TargetKeyId: KEY_ID }),
  handler: (ctx, input) => {
    checkAliasName(input.AliasName);
    ctx.authorize('kms:UpdateAlias', aliasArn(ctx, input.AliasName));
    const alias = requireAlias(ctx, input.AliasName);
    const oldKey = resolveKey(ctx, alias.targetKeyId, 'UpdateAlias');
    addKeyToTrail(ctx, oldKey);
    authorizeKey(ctx, oldKey, 'UpdateAlias');
    const key = accessKey(ctx, input.TargetKeyId, 'UpdateAlias');
    if (category(oldKey) !== category(key)) {
      // UNCONFIRMED code (reference §2.5.2).
      throw validationError(
        `${key.arn} is not the same type of key as the current alias target ${oldKey.arn}.`,
      );
    }
    if (key.keyId !== alias.targetKeyId && aliasCount(ctx, key.keyId) >= MAX_ALIASES_PER_KEY) {
      throw limitExceeded(`A KMS key can have at most ${MAX_ALIASES_PER_KEY} aliases.`);
    }
    ctx.store.put(KMS_ALIAS, ctx.scope, alias.aliasName, {
      ...alias,
      targetKeyId: key.keyId,
      lastUpdatedDate: ctx.now().getTime(),
    });
    return {};
  },
});

export const deleteAlias = defineOperation({
  input: z.object({ AliasName: NAME }),
  handler: (ctx, input) => {
    checkAliasName(input.AliasName);
    ctx.authorize('kms:DeleteAlias', aliasArn(ctx, input.AliasName));
    const alias = requireAlias(ctx, input.AliasName);
    const key = accessKey(ctx, alias.targetKeyId, 'DeleteAlias');
    ctx.store.delete(KMS_ALIAS, ctx.scope, alias.aliasName);
    addKeyToTrail(ctx, key);
    return {};
  },
});

export const listAliases = defineOperation({
  input: z.object({ KeyId: KEY_ID.optional(), Limit: awsInt(1, 100).optional(), Marker: MARKER }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('kms:ListAliases', '*');
    liveKeys(ctx, ctx.scope); // applies pending deletions (which remove aliases)
    const keyId =
      input.KeyId === undefined ? undefined : resolveKey(ctx, input.KeyId, 'ListAliases').keyId;
    const stored = ctx.store
      .list(KMS_ALIAS, ctx.scope)
      .filter((a) => keyId === undefined || a.targetKeyId === keyId);
    const entries: AliasEntry[] = stored.map((a) => ({
      AliasName: a.aliasName,
      AliasArn: a.aliasArn,
      TargetKeyId: a.targetKeyId,
      CreationDate: new Date(a.creationDate),
      LastUpdatedDate: new Date(a.lastUpdatedDate),
    }));
    if (keyId === undefined) {
      // Predefined AWS aliases whose key AWS has not created yet have no TargetKeyId.
      for (const name of PREDEFINED_AWS_ALIASES) {
        if (!stored.some((a) => a.aliasName === name)) {
          entries.push({ AliasName: name, AliasArn: aliasArn(ctx, name) });
        }
      }
    }
    entries.sort((a, b) => (a.AliasName < b.AliasName ? -1 : a.AliasName > b.AliasName ? 1 : 0));
    const page = paginate(entries, input.Marker, input.Limit ?? 50, invalidMarker);
    return { Aliases: page.items, ...pageFields(page) };
  },
  responseElements: null,
});
