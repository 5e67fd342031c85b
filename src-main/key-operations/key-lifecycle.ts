import {
  CancelKeyDeletionCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ScheduleKeyDeletionCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import { parseAws } from './aws-shapes';
import { customerKey, describeKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';

export async function enableKey(ctx: KeyContext, ref: KeyPlace) {
  const key = await customerKey(ctx, ref, 'enable or disable the key');
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new EnableKeyCommand({ KeyId: key.arn }));
  return { metadata: await describeKey(ctx, ref) };
}

export async function disableKey(ctx: KeyContext, ref: KeyPlace) {
  const key = await customerKey(ctx, ref, 'enable or disable the key');
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new DisableKeyCommand({ KeyId: key.arn }));
  return { metadata: await describeKey(ctx, ref) };
}

export async function updateDescription(ctx: KeyContext, ref: KeyPlace, description: string) {
  const key = await customerKey(ctx, ref, 'change the description');
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new UpdateKeyDescriptionCommand({ KeyId: key.arn, Description: description }));
  return { metadata: await describeKey(ctx, ref) };
}

const scheduledSchema = z.object({
  KeyId: z.string().optional(),
  DeletionDate: z.date().optional(),
  KeyState: z.string().optional(),
  PendingWindowInDays: z.number().int().optional(),
});

export async function scheduleDeletion(
  ctx: KeyContext,
  ref: KeyPlace,
  pendingWindowInDays: number,
) {
  const key = await customerKey(ctx, ref, 'schedule the key’s deletion');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const answer = parseAws(
    scheduledSchema,
    await kms.send(
      new ScheduleKeyDeletionCommand({ KeyId: key.arn, PendingWindowInDays: pendingWindowInDays }),
    ),
    'ScheduleKeyDeletion',
  );
  const deletionDate = answer.DeletionDate?.toISOString() ?? null;
  const window = answer.PendingWindowInDays ?? pendingWindowInDays;
  const message =
    deletionDate !== null
      ? `The key will be deleted on ${deletionDate}. Until then nothing can use it, and the deletion can be cancelled; after it, data encrypted under it cannot be decrypted by anyone.`
      : `The key waits for its replicas to be deleted (PendingReplicaDeletion); the ${window}-day window starts when the last replica is gone.`;
  return {
    keyId: answer.KeyId ?? key.arn,
    keyState: answer.KeyState ?? 'PendingDeletion',
    deletionDate,
    pendingWindowInDays: window,
    message,
  };
}

export async function cancelDeletion(ctx: KeyContext, ref: KeyPlace) {
  const key = await customerKey(ctx, ref, 'cancel the key’s deletion');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const answer = await kms.send(new CancelKeyDeletionCommand({ KeyId: key.arn }));
  const after = await describeKey(ctx, ref);
  return {
    keyId: answer.KeyId ?? key.arn,
    keyState: after.keyState,
    message:
      after.keyState === 'Disabled'
        ? 'The deletion is cancelled. The key is now Disabled, as AWS leaves every key whose deletion is cancelled: enable it before anything can use it again.'
        : `The deletion is cancelled. The key is now ${after.keyState}.`,
  };
}
