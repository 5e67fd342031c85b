import type { GetKeyRotationStatusCommandOutput, KeyMetadata } from '@aws-sdk/client-kms';
import { estimatedMonthlyKeyCostUsd } from '../../src-shared/models/key-cost';
import { keyOrigins, keyStates, keyUsages, type KeyRow } from '../../src-shared/models/kms-key';
import { keyTypeOf, rotationModeOf } from './key-type';

/** Where a row was read: the profile and Region of its cell. */
export interface RowPlace {
  readonly profileId: string;
  readonly profileName: string;
  readonly region: string;
}

/** What the per-key calls brought; a call that failed leaves its part null with an error. */
export interface KeyDetails {
  readonly metadata: KeyMetadata;
  readonly rotation: Pick<
    GetKeyRotationStatusCommandOutput,
    'KeyRotationEnabled' | 'RotationPeriodInDays' | 'NextRotationDate' | 'OnDemandRotationStartDate'
  > | null;
  readonly tags: Readonly<Record<string, string>> | null;
  readonly policy: string | null;
  readonly fetchErrors: KeyRow['fetchErrors'];
}

const iso = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

function oneOf<T extends string>(values: readonly T[], value: string | undefined, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

export function multiRegionOf(metadata: KeyMetadata): KeyRow['multiRegion'] {
  const config = metadata.MultiRegionConfiguration;
  if (!metadata.MultiRegion || !config) {
    return { role: 'none', primaryRegion: null, replicaRegions: [] };
  }
  return {
    role: config.MultiRegionKeyType === 'REPLICA' ? 'replica' : 'primary',
    primaryRegion: config.PrimaryKey?.Region ?? null,
    replicaRegions: (config.ReplicaKeys ?? []).flatMap((replica) =>
      replica.Region ? [replica.Region] : [],
    ),
  };
}

export function managerOf(metadata: KeyMetadata): 'aws' | 'customer' {
  return metadata.KeyManager === 'AWS' ? 'aws' : 'customer';
}

/** One inventory row from DescribeKey and the other per-key answers. */
export function buildRow(
  place: RowPlace,
  aliases: readonly string[],
  details: KeyDetails,
  now: Date = new Date(),
): KeyRow {
  const { metadata } = details;
  const keySpec = metadata.KeySpec ?? metadata.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
  const manager = managerOf(metadata);
  const multiRegion = multiRegionOf(metadata);
  const origin = oneOf(keyOrigins, metadata.Origin, 'AWS_KMS');
  const mode = rotationModeOf({ keySpec, manager, origin, multiRegionRole: multiRegion.role });
  const rotation: KeyRow['rotation'] =
    mode === 'aws-managed'
      ? // AWS rotates its managed keys every year and the setting cannot change (§2.8).
        { mode, enabled: true, periodDays: 365, nextRotationDate: null, onDemandStartedAt: null }
      : {
          mode,
          enabled: details.rotation
            ? (details.rotation.KeyRotationEnabled ?? false)
            : mode === 'automatic' || mode === 'replica'
              ? null
              : false,
          periodDays: details.rotation?.RotationPeriodInDays ?? null,
          nextRotationDate: iso(details.rotation?.NextRotationDate),
          onDemandStartedAt: iso(details.rotation?.OnDemandRotationStartDate),
        };
  const state = oneOf(keyStates, metadata.KeyState, 'Unavailable');
  const createdAt = iso(metadata.CreationDate) ?? new Date(0).toISOString();
  return {
    profileId: place.profileId,
    profileName: place.profileName,
    accountId: metadata.AWSAccountId ?? '',
    region: place.region,
    keyId: metadata.KeyId ?? '',
    arn: metadata.Arn ?? '',
    aliases: [...aliases].sort(),
    keySpec,
    type: keyTypeOf(keySpec),
    usage: oneOf(keyUsages, metadata.KeyUsage, 'ENCRYPT_DECRYPT'),
    state,
    manager,
    origin,
    rotation,
    multiRegion,
    createdAt,
    description: metadata.Description ?? '',
    tags: { ...(details.tags ?? {}) },
    policy: details.policy,
    deletionDate: iso(metadata.DeletionDate),
    validTo: iso(metadata.ValidTo),
    estimatedMonthlyCostUsd: estimatedMonthlyKeyCostUsd(
      { manager, state, createdAt, rotation },
      now,
    ),
    fetchErrors: [...details.fetchErrors],
    fetchedAt: now.toISOString(),
  };
}
