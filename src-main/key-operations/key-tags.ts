import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import type { Tag } from '../../src-shared/schemas/key-ref';
import { customerKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { listTags } from './key-lists';

// TagResource and UntagResource change only the keys they name, so parallel edits of different
// tags never undo one another (no read-modify-write of the whole set here).

export async function tagKey(ctx: KeyContext, ref: KeyPlace, tags: readonly Tag[]) {
  const key = await customerKey(ctx, ref, 'tag the key');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  await kms.send(
    new TagResourceCommand({
      KeyId: key.arn,
      Tags: tags.map((t) => ({ TagKey: t.key, TagValue: t.value })),
    }),
  );
  return { tags: await listTags(kms, key.arn) };
}

export async function untagKey(ctx: KeyContext, ref: KeyPlace, tagKeys: readonly string[]) {
  const key = await customerKey(ctx, ref, 'untag the key');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  await kms.send(new UntagResourceCommand({ KeyId: key.arn, TagKeys: [...tagKeys] }));
  return { tags: await listTags(kms, key.arn) };
}
