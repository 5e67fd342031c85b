import { ReplicateKeyCommand, UpdatePrimaryRegionCommand } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { Tag } from '../../src-shared/schemas/key-ref';
import { awsKeyMetadata, parseAws, toKeyMetadata } from './aws-shapes';
import { customerKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';

const replicaSchema = z.object({ ReplicaKeyMetadata: awsKeyMetadata });

export interface ReplicaOptions {
  readonly description?: string | undefined;
  readonly tags?: readonly Tag[] | undefined;
  readonly policy?: string | undefined;
}

export async function replicateKey(
  ctx: KeyContext,
  ref: KeyPlace,
  replicaRegion: string,
  options: ReplicaOptions = {},
) {
  const key = await customerKey(ctx, ref, 'replicate the key');
  if (key.multiRegionConfiguration?.role !== 'PRIMARY') {
    throw new KeywardError(
      'invalid-state',
      key.multiRegion
        ? `${key.arn} is a replica: only the primary key can be replicated.`
        : `${key.arn} is a single-Region key: it can never become multi-Region.`,
      {
        hint: key.multiRegion
          ? 'Replicate from the primary key.'
          : 'Create a new multi-Region key and move the data to it.',
      },
    );
  }
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const answer = await kms.send(
    new ReplicateKeyCommand({
      KeyId: key.arn,
      ReplicaRegion: replicaRegion,
      ...(options.description !== undefined ? { Description: options.description } : {}),
      ...(options.tags && options.tags.length > 0
        ? { Tags: options.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) }
        : {}),
      ...(options.policy !== undefined ? { Policy: options.policy } : {}),
    }),
  );
  return {
    replica: toKeyMetadata(parseAws(replicaSchema, answer, 'ReplicateKey').ReplicaKeyMetadata),
  };
}

export async function updatePrimaryRegion(ctx: KeyContext, ref: KeyPlace, primaryRegion: string) {
  const key = await customerKey(ctx, ref, 'change the primary Region');
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new UpdatePrimaryRegionCommand({ KeyId: key.arn, PrimaryRegion: primaryRegion }));
  return { keyId: key.keyId, primaryRegion };
}
