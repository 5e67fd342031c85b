import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import type { StatusTone } from '../../components/StatusBadge/StatusBadge';
import { originLabels, stateLabels, stateTones, usageLabels } from '../keys/key-labels';

const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

export const stateLabel = (state: string): string => lookup(stateLabels, state) ?? state;
export const stateTone = (state: string): StatusTone => lookup(stateTones, state) ?? 'neutral';
export const usageLabel = (usage: string): string => lookup(usageLabels, usage) ?? usage;
export const originLabel = (origin: string): string => lookup(originLabels, origin) ?? origin;

export const aliasNames = (detail: KeyDetail): string[] =>
  detail.aliases.ok ? detail.aliases.value.map((alias) => alias.aliasName) : [];

export const isAwsManaged = (metadata: KeyMetadata): boolean => metadata.keyManager === 'AWS';

export function multiRegionRole(metadata: KeyMetadata): string {
  if (!metadata.multiRegion) return 'Single-Region';
  return metadata.multiRegionConfiguration?.role === 'REPLICA' ? 'Replica' : 'Primary';
}

/** Symmetric encryption keys with KMS material are the only ones AWS rotates automatically. */
export function manualRotationOnly(metadata: KeyMetadata): string | null {
  if (metadata.origin === 'EXTERNAL')
    return 'Keys with imported material can only be rotated manually (import new material, or a new key and move the alias).';
  if (metadata.keyUsage === 'GENERATE_VERIFY_MAC')
    return 'HMAC keys can only be rotated manually: create a new key and move the alias to it.';
  if (metadata.keySpec !== 'SYMMETRIC_DEFAULT')
    return 'Asymmetric keys can only be rotated manually: create a new key and move the alias to it.';
  return null;
}
