import { z } from 'zod';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import { KeywardError } from '../../src-shared/errors';

/** Validates what AWS answered; a surprise is a clear error, never a half-read object. */
export function parseAws<S extends z.ZodType>(
  schema: S,
  value: unknown,
  operation: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new KeywardError(
    'internal',
    `AWS's answer to ${operation} was not what Keyward expects (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}).`,
    { hint: 'Try again; if it persists, the log in the data directory has the details.' },
  );
}

const optDate = z.date().optional();
const strings = z.array(z.string()).optional();
const place = z.object({ Arn: z.string().optional(), Region: z.string().optional() });

export const awsKeyMetadata = z.object({
  KeyId: z.string().min(1),
  Arn: z.string().min(1),
  AWSAccountId: z.string().optional(),
  CreationDate: optDate,
  Enabled: z.boolean().optional(),
  Description: z.string().optional(),
  KeyUsage: z.string().optional(),
  KeyState: z.string().optional(),
  DeletionDate: optDate,
  PendingDeletionWindowInDays: z.number().int().optional(),
  ValidTo: optDate,
  Origin: z.string().optional(),
  ExpirationModel: z.string().optional(),
  KeyManager: z.enum(['AWS', 'CUSTOMER']).optional(),
  KeySpec: z.string().optional(),
  EncryptionAlgorithms: strings,
  SigningAlgorithms: strings,
  MacAlgorithms: strings,
  KeyAgreementAlgorithms: strings,
  MultiRegion: z.boolean().optional(),
  MultiRegionConfiguration: z
    .object({
      MultiRegionKeyType: z.enum(['PRIMARY', 'REPLICA']).optional(),
      PrimaryKey: place.optional(),
      ReplicaKeys: z.array(place).optional(),
    })
    .optional(),
  CurrentKeyMaterialId: z.string().optional(),
});

export const describeKeyOutput = z.object({ KeyMetadata: awsKeyMetadata });

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);
const placeOf = (p: z.infer<typeof place>) => ({ arn: p.Arn ?? '', region: p.Region ?? '' });

/** The region and account of a key ARN (`arn:aws:kms:<region>:<account>:key/<id>`). */
export function arnParts(arn: string): { region: string; account: string; keyId: string } {
  const [, , , region = '', account = '', resource = ''] = arn.split(':');
  return { region, account, keyId: resource.replace(/^key\//, '') };
}

export function toKeyMetadata(m: z.infer<typeof awsKeyMetadata>): KeyMetadata {
  const parts = arnParts(m.Arn);
  const mrc = m.MultiRegionConfiguration;
  return {
    keyId: m.KeyId,
    arn: m.Arn,
    accountId: m.AWSAccountId ?? parts.account,
    region: parts.region,
    creationDate: iso(m.CreationDate),
    enabled: m.Enabled ?? m.KeyState === 'Enabled',
    description: m.Description ?? '',
    keyUsage: m.KeyUsage ?? 'ENCRYPT_DECRYPT',
    keyState: m.KeyState ?? 'Unknown',
    deletionDate: iso(m.DeletionDate),
    pendingDeletionWindowInDays: m.PendingDeletionWindowInDays ?? null,
    validTo: iso(m.ValidTo),
    origin: m.Origin ?? 'AWS_KMS',
    expirationModel: m.ExpirationModel ?? null,
    keyManager: m.KeyManager ?? 'CUSTOMER',
    keySpec: m.KeySpec ?? 'SYMMETRIC_DEFAULT',
    encryptionAlgorithms: m.EncryptionAlgorithms ?? [],
    signingAlgorithms: m.SigningAlgorithms ?? [],
    macAlgorithms: m.MacAlgorithms ?? [],
    keyAgreementAlgorithms: m.KeyAgreementAlgorithms ?? [],
    multiRegion: m.MultiRegion ?? false,
    multiRegionConfiguration:
      m.MultiRegion && mrc
        ? {
            role: mrc.MultiRegionKeyType ?? 'PRIMARY',
            primary: mrc.PrimaryKey ? placeOf(mrc.PrimaryKey) : null,
            replicas: (mrc.ReplicaKeys ?? []).map(placeOf),
          }
        : null,
    currentKeyMaterialId: m.CurrentKeyMaterialId ?? null,
  };
}
