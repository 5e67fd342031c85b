import {
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  RotateKeyOnDemandCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { RotationStatus } from '../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import { parseAws } from './aws-shapes';
import { customerKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';

/** Why AWS cannot rotate this key automatically, or null when it can (reference §2.8). */
export function automaticRotationRefusal(key: KeyMetadata): string | null {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    return `${key.keySpec} keys cannot rotate automatically: rotate them by hand (a new key, the alias re-pointed).`;
  }
  if (key.origin !== 'AWS_KMS') {
    return 'Keys with imported material cannot rotate automatically: rotate them by hand (a new key, the alias re-pointed).';
  }
  return null;
}

const statusSchema = z.object({
  KeyRotationEnabled: z.boolean().optional(),
  RotationPeriodInDays: z.number().int().optional(),
  NextRotationDate: z.date().optional(),
  OnDemandRotationStartDate: z.date().optional(),
});

export async function readRotationStatus(
  kms: KMSClient,
  key: KeyMetadata,
): Promise<RotationStatus> {
  const refusal = automaticRotationRefusal(key);
  if (refusal !== null) {
    return {
      supported: false,
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
      onDemandRotationStartDate: null,
      unsupportedReason: refusal,
    };
  }
  const answer = parseAws(
    statusSchema,
    await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.arn })),
    'GetKeyRotationStatus',
  );
  const enabled = answer.KeyRotationEnabled ?? false;
  return {
    supported: true,
    enabled,
    periodDays: enabled ? (answer.RotationPeriodInDays ?? null) : null,
    nextRotationDate: enabled ? (answer.NextRotationDate?.toISOString() ?? null) : null,
    onDemandRotationStartDate: answer.OnDemandRotationStartDate?.toISOString() ?? null,
    unsupportedReason: null,
  };
}

async function rotatable(ctx: KeyContext, ref: KeyPlace, change: string) {
  const key = await customerKey(ctx, ref, change);
  const refusal = automaticRotationRefusal(key);
  if (refusal !== null) throw new KeywardError('invalid-state', refusal);
  if (key.multiRegionConfiguration?.role === 'REPLICA') {
    const primary = key.multiRegionConfiguration.primary?.region ?? 'the primary’s Region';
    throw new KeywardError(
      'invalid-state',
      `${key.arn} is a multi-Region replica: its rotation follows the primary key.`,
      { hint: `Change rotation on the primary key in ${primary}.` },
    );
  }
  return key;
}

export async function enableRotation(ctx: KeyContext, ref: KeyPlace, periodDays: number) {
  const key = await rotatable(ctx, ref, 'change rotation');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  await kms.send(
    new EnableKeyRotationCommand({ KeyId: key.arn, RotationPeriodInDays: periodDays }),
  );
  return { rotation: await readRotationStatus(kms, key) };
}

export async function disableRotation(ctx: KeyContext, ref: KeyPlace) {
  const key = await rotatable(ctx, ref, 'change rotation');
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  await kms.send(new DisableKeyRotationCommand({ KeyId: key.arn }));
  return { rotation: await readRotationStatus(kms, key) };
}

export async function rotateNow(ctx: KeyContext, ref: KeyPlace) {
  const key = await customerKey(ctx, ref, 'rotate the key material');
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new KeywardError(
      'invalid-state',
      `${key.keySpec} keys cannot be rotated by AWS: rotate by hand (a new key, the alias re-pointed).`,
    );
  }
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const answer = await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.arn }));
  return {
    keyId: answer.KeyId ?? key.arn,
    message:
      'New key material is being made. New encryptions use it once it is ready; data encrypted before still decrypts with the old material, which AWS keeps.',
  };
}
