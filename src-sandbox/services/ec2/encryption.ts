import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../types';
import { ec2Error, requireEncryptedForKey } from './common';
import {
  awsManagedEbsKey,
  ec2UseKey,
  resolveKeyForEc2,
  type Ec2KeyInfo,
  type Ec2KmsOperation,
} from '../kms/ebs-keys';
import type { EbsAttachment } from '../kms/ebs-grants';
import { EBS_SETTINGS, type EbsSettingsDoc, type EncryptionFacts } from './model';

/** `StateMessage` of a copy or volume that could not use its keys (reference §3.5). */
export const KEY_NOT_ACCESSIBLE = 'Given key ID is not accessible';

export const DEFAULT_EBS_KEY_ALIAS = 'alias/aws/ebs';

/** An existing resource whose data is read (snapshot for copies, volumes and launches). */
export interface EncryptionSource extends EncryptionFacts {
  readonly ownerId: string;
  readonly region: string;
}

export interface EncryptionRequest {
  readonly encrypted?: boolean | undefined;
  readonly kmsKeyId?: string | undefined;
}

/** The outcome (reference §3.4): unencrypted, or encrypted under a key (unresolvable → async failure). */
export type EncryptionPlan =
  | { readonly encrypted: false }
  | {
      readonly encrypted: true;
      readonly key: Ec2KeyInfo | undefined;
      /** The reference as the caller gave it, for the async failure message. */
      readonly keyRef: string;
    };

export function ebsSettings(ctx: ServiceContext, account = ctx.account): EbsSettingsDoc {
  return (
    ctx.store.get(EBS_SETTINGS, { account, region: ctx.region }, 'settings') ?? {
      encryptionByDefault: false,
    }
  );
}

/** The Region's default EBS key: the account's chosen default, else `aws/ebs` (created on first use). */
function defaultKey(ctx: ServiceContext, region: string): EncryptionPlan {
  const chosen = ebsSettings(ctx).defaultKmsKeyId;
  if (chosen !== undefined) {
    return { encrypted: true, key: resolveKeyForEc2(ctx, chosen, region), keyRef: chosen };
  }
  const managed = awsManagedEbsKey(ctx, ctx.account, region);
  return {
    encrypted: true,
    key: resolveKeyForEc2(ctx, managed.arn, region),
    keyRef: DEFAULT_EBS_KEY_ALIAS,
  };
}

/**
 * Decides the encryption of a new volume or snapshot copy in `region` (reference §3.4).
 * `refuseUnencryptedCopy`: CopySnapshot/CopyImage refuse `Encrypted=false` for an encrypted source.
 */
export function planEncryption(
  ctx: ServiceContext,
  region: string,
  source: EncryptionSource | undefined,
  request: EncryptionRequest,
  options: { readonly refuseUnencryptedCopy?: string } = {},
): EncryptionPlan {
  requireEncryptedForKey(request.kmsKeyId, request.encrypted);
  if (source?.encrypted && request.encrypted === false && options.refuseUnencryptedCopy) {
    throw ec2Error(
      'InvalidRequest',
      `Snapshot ${options.refuseUnencryptedCopy} is encrypted. Creating an unencrypted copy from an encrypted snapshot is not supported.`,
    );
  }
  if (request.kmsKeyId !== undefined) {
    return {
      encrypted: true,
      key: resolveKeyForEc2(ctx, request.kmsKeyId, region),
      keyRef: request.kmsKeyId,
    };
  }
  if (source?.encrypted) {
    const owned = source.ownerId === ctx.account && source.region === region;
    if (owned && source.kmsKeyArn !== undefined) {
      return {
        encrypted: true,
        key: resolveKeyForEc2(ctx, source.kmsKeyArn, region),
        keyRef: source.kmsKeyArn,
      };
    }
    return defaultKey(ctx, region);
  }
  if (request.encrypted === true || ebsSettings(ctx).encryptionByDefault) {
    return defaultKey(ctx, region);
  }
  return { encrypted: false };
}

/** What the new resource records about its encryption. */
export function factsOf(plan: EncryptionPlan): EncryptionFacts {
  if (!plan.encrypted) return { encrypted: false };
  return {
    encrypted: true,
    ...(plan.key ? { kmsKeyArn: plan.key.arn, awsManagedKey: plan.key.keyManager === 'AWS' } : {}),
  };
}

/**
 * The new resource's data key lineage (`DataEncryptionKeyId`, UUID form — UNCONFIRMED): kept
 * from `inheritFrom` when it is encrypted under the same key (a volume from a snapshot, a
 * snapshot of a volume), else a new data key.
 */
export function dataKeyOf(
  plan: EncryptionPlan,
  inheritFrom?: EncryptionFacts,
): Pick<EncryptionFacts, 'dataEncryptionKeyId'> {
  if (!plan.encrypted) return {};
  const inherited =
    inheritFrom?.encrypted === true && inheritFrom.kmsKeyArn === plan.key?.arn
      ? inheritFrom.dataEncryptionKeyId
      : undefined;
  return { dataEncryptionKeyId: inherited ?? randomUUID() };
}

function usable(key: Ec2KeyInfo, region: string): boolean {
  return (
    key.region === region &&
    key.keySpec === 'SYMMETRIC_DEFAULT' &&
    key.keyUsage === 'ENCRYPT_DECRYPT'
  );
}

/**
 * Makes the KMS calls EBS makes for the caller (reference §3.5) — each recorded in CloudTrail
 * with `invokedBy: ec2.amazonaws.com` — and answers the failure message the new resource ends
 * with, or undefined when every call was allowed.
 */
export function useKeys(
  ctx: ServiceContext,
  source: EncryptionSource | undefined,
  plan: EncryptionPlan,
  targetRegion: string,
  purpose: 'volume' | 'snapshot',
  attachment?: EbsAttachment,
): string | undefined {
  if (!plan.encrypted) return undefined;
  const target = plan.key;
  const sourceKey = source?.encrypted ? source.kmsKeyArn : undefined;
  const reEncrypt = sourceKey !== undefined && sourceKey !== target?.arn;
  if (sourceKey !== undefined && source) {
    const ops: Ec2KmsOperation[] = ['DescribeKey', 'Decrypt'];
    if (reEncrypt) ops.push('ReEncryptFrom');
    if (!ec2UseKey(ctx, sourceKey, ops, source.region).ok) return KEY_NOT_ACCESSIBLE;
  }
  if (!target || !usable(target, targetRegion)) return KEY_NOT_ACCESSIBLE;
  const ops: Ec2KmsOperation[] = ['DescribeKey', 'GenerateDataKeyWithoutPlaintext'];
  if (reEncrypt) ops.push('ReEncryptTo');
  if (purpose === 'volume') ops.push('CreateGrant');
  if (!ec2UseKey(ctx, target.arn, ops, targetRegion, attachment).ok) return KEY_NOT_ACCESSIBLE;
  return undefined;
}
