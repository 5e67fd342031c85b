import { CreateAliasCommand, DeleteAliasCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { customerKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { listAliases } from './key-lists';

interface AliasTarget {
  readonly profileId: string;
  readonly region: string;
  readonly aliasName: string;
  readonly keyId: string;
}

export async function createAlias(ctx: KeyContext, input: AliasTarget) {
  const key = await customerKey(ctx, input, 'give an alias');
  await (
    await kmsOf(ctx, input.profileId, input.region)
  ).send(new CreateAliasCommand({ AliasName: input.aliasName, TargetKeyId: key.keyId }));
  return { aliasName: input.aliasName, targetKeyId: key.arn };
}

/** Re-points an alias; AWS requires the new key to be of the same type and usage as the old. */
export async function updateAlias(ctx: KeyContext, input: AliasTarget) {
  const key = await customerKey(ctx, input, 're-point an alias to');
  await (
    await kmsOf(ctx, input.profileId, input.region)
  ).send(new UpdateAliasCommand({ AliasName: input.aliasName, TargetKeyId: key.keyId }));
  return { aliasName: input.aliasName, targetKeyId: key.arn };
}

export async function deleteAlias(
  ctx: KeyContext,
  input: { profileId: string; region: string; aliasName: string },
) {
  await (
    await kmsOf(ctx, input.profileId, input.region)
  ).send(new DeleteAliasCommand({ AliasName: input.aliasName }));
  return { aliasName: input.aliasName, targetKeyId: null };
}

export async function aliasesOfKey(ctx: KeyContext, ref: KeyPlace) {
  return { aliases: await listAliases(await kmsOf(ctx, ref.profileId, ref.region), ref.keyId) };
}
