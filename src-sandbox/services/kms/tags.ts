import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { awsInt, awsString } from '../validation';
import { invalidMarker, limitExceeded } from './errors';
import { accessKey } from './key-access';
import { checkTags, MAX_TAGS } from './key-policy-checks';
import { KMS_KEY, scopeOf, type Tag } from './model';
import { KEY_ID, MARKER, pageFields, paginate, TAGS } from './schemas';

export const tagResource = defineOperation({
  input: z.object({ KeyId: KEY_ID, Tags: TAGS }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'TagResource');
    checkTags(input.Tags);
    const merged = new Map<string, Tag>(key.tags.map((t) => [t.TagKey, t]));
    for (const tag of input.Tags)
      merged.set(tag.TagKey, { TagKey: tag.TagKey, TagValue: tag.TagValue });
    if (merged.size > MAX_TAGS) {
      throw limitExceeded(`A KMS key can have at most ${MAX_TAGS} tags.`);
    }
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, { ...key, tags: [...merged.values()] });
    return {};
  },
});

export const untagResource = defineOperation({
  input: z.object({ KeyId: KEY_ID, TagKeys: z.array(awsString(1, 128)) }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'UntagResource');
    const drop = new Set(input.TagKeys);
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, {
      ...key,
      tags: key.tags.filter((t) => !drop.has(t.TagKey)),
    });
    return {};
  },
});

export const listResourceTags = defineOperation({
  input: z.object({ KeyId: KEY_ID, Limit: awsInt(1, 50).optional(), Marker: MARKER }),
  readOnly: true,
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'ListResourceTags');
    const page = paginate(key.tags, input.Marker, input.Limit ?? 50, invalidMarker);
    return { Tags: page.items, ...pageFields(page) };
  },
  responseElements: null,
});
