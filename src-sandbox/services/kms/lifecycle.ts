import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { parseKeySpec, validUsagesFor, type KeyUsage } from './crypto';
import { invalidMarker, limitExceeded, unsupported, validationError } from './errors';
import { checkGrantTokens } from './grant-tokens';
import { accessKey, addKeyToTrail, authorizeKey, resolveKey } from './key-access';
import { buildKey, newKeyId } from './key-factory';
import { liveKeys } from './key-maintenance';
import { keyMetadata } from './key-metadata';
import { checkNewPolicy, checkTags, viaCrypto } from './key-policy-checks';
import { KMS_KEY, keyArnOf, scopeOf, type KmsKeyDoc } from './model';
import { defaultKeyPolicy } from './policies';
import {
  BOOL,
  DESCRIPTION,
  GRANT_TOKENS,
  KEY_ID,
  KEY_SPECS,
  KEY_USAGES,
  kmsTrailMembers,
  MARKER,
  oneOf,
  ORIGINS,
  pageFields,
  paginate,
  POLICY,
  TAGS,
} from './schemas';
import { awsInt } from '../validation';

const MAX_KEYS_PER_REGION = 100_000;

function chooseUsage(spec: ReturnType<typeof parseKeySpec>, given: KeyUsage | undefined): KeyUsage {
  const usage = given ?? 'ENCRYPT_DECRYPT';
  if (!validUsagesFor(spec).includes(usage)) {
    // UNCONFIRMED code for an incompatible pair (reference §2.5.1): ValidationException.
    throw validationError(`KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
  }
  return usage;
}

export const createKey = defineOperation({
  input: z.object({
    Policy: POLICY.optional(),
    Description: DESCRIPTION.optional(),
    KeyUsage: oneOf(KEY_USAGES).optional(),
    CustomerMasterKeySpec: oneOf(KEY_SPECS).optional(),
    KeySpec: oneOf(KEY_SPECS).optional(),
    Origin: oneOf(ORIGINS).optional(),
    CustomKeyStoreId: z.string().optional(),
    BypassPolicyLockoutSafetyCheck: BOOL.optional(),
    Tags: TAGS.optional(),
    MultiRegion: BOOL.optional(),
    XksKeyId: z.string().optional(),
  }),
  handler: (ctx, input) => {
    ctx.authorize('kms:CreateKey', '*');
    if (input.Tags && input.Tags.length > 0) ctx.authorize('kms:TagResource', '*');
    if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
      throw validationError(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      );
    }
    const origin = input.Origin ?? 'AWS_KMS';
    if (origin !== 'AWS_KMS' && origin !== 'EXTERNAL') {
      throw unsupported(
        `Origin ${origin} requires a custom key store, which this sandbox does not have.`,
      );
    }
    if (input.CustomKeyStoreId !== undefined || input.XksKeyId !== undefined) {
      throw unsupported('Custom key stores are not supported by this sandbox.');
    }
    const spec = viaCrypto(() =>
      parseKeySpec(input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT'),
    );
    const usage = chooseUsage(spec, input.KeyUsage);
    const tags = input.Tags ?? [];
    checkTags(tags);
    if (ctx.store.list(KMS_KEY, ctx.scope).length >= MAX_KEYS_PER_REGION) {
      throw limitExceeded(
        `You have reached the maximum of ${MAX_KEYS_PER_REGION} keys in this Region.`,
      );
    }
    const keyId = newKeyId(input.MultiRegion === true);
    const arn = keyArnOf(ctx.region, ctx.account, keyId);
    const policy = input.Policy ?? defaultKeyPolicy(ctx.account);
    if (input.Policy !== undefined) {
      checkNewPolicy(ctx, input.Policy, arn, input.BypassPolicyLockoutSafetyCheck === true);
    }
    const key = buildKey({
      keyId,
      account: ctx.account,
      region: ctx.region,
      creationDate: ctx.now().getTime(),
      description: input.Description ?? '',
      keySpec: spec,
      keyUsage: usage,
      origin,
      keyManager: 'CUSTOMER',
      policy,
      tags,
      ...(input.MultiRegion === true ? { primaryRegion: ctx.region } : {}),
    });
    ctx.store.put(KMS_KEY, ctx.scope, keyId, key);
    addKeyToTrail(ctx, key);
    return { KeyMetadata: keyMetadata(ctx.store, key) };
  },
  requestParameters: (input) => kmsTrailMembers(input),
  responseElements: (output) => kmsTrailMembers(output),
});

export const describeKey = defineOperation({
  input: z.object({ KeyId: KEY_ID, GrantTokens: GRANT_TOKENS }),
  readOnly: true,
  handler: (ctx, input) => {
    checkGrantTokens(ctx.store, input.GrantTokens);
    const key = resolveKey(ctx, input.KeyId, 'DescribeKey');
    addKeyToTrail(ctx, key);
    authorizeKey(ctx, key, 'DescribeKey');
    return { KeyMetadata: keyMetadata(ctx.store, key) };
  },
  responseElements: null,
});

export const listKeys = defineOperation({
  input: z.object({ Limit: awsInt(1, 1000).optional(), Marker: MARKER }),
  readOnly: true,
  handler: (ctx, input) => {
    ctx.authorize('kms:ListKeys', '*');
    const keys = liveKeys(ctx, ctx.scope).map((k) => ({ KeyId: k.keyId, KeyArn: k.arn }));
    const page = paginate(keys, input.Marker, input.Limit ?? 100, invalidMarker);
    return { Keys: page.items, ...pageFields(page) };
  },
  responseElements: null,
});

function save(ctx: ServiceContext, key: KmsKeyDoc): void {
  ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, key);
}

export const updateKeyDescription = defineOperation({
  input: z.object({ KeyId: KEY_ID, Description: DESCRIPTION }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'UpdateKeyDescription');
    save(ctx, { ...key, description: input.Description });
    return {};
  },
});

export const enableKey = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'EnableKey');
    if (key.keyState !== 'Enabled') save(ctx, { ...key, keyState: 'Enabled' });
    return {};
  },
});

export const disableKey = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'DisableKey');
    if (key.keyState !== 'Disabled') save(ctx, { ...key, keyState: 'Disabled' });
    return {};
  },
});
