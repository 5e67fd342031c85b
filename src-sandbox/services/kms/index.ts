import { JSON_ERROR_STYLE } from '../error-styles';
import type { ServiceDefinition } from '../types';
import { createAlias, deleteAlias, listAliases, updateAlias } from './aliases';
import { cryptoOperations } from './crypto-operations';
import { cancelKeyDeletion, scheduleKeyDeletion } from './deletion';
import { kmsAccessDeniedMessage } from './errors';
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from './grants';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './key-import';
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './key-policy-operations';
import { getKeyLastUsage } from './last-usage';
import {
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  updateKeyDescription,
} from './lifecycle';
import { KMS_EVENT_SOURCE } from './material-versions';
import { replicateKey, updatePrimaryRegion } from './multi-region';
import {
  disableKeyRotation,
  enableKeyRotation,
  getKeyRotationStatus,
  listKeyRotations,
  rotateKeyOnDemand,
} from './rotation';
import { KmsRequestQuotas, withRequestQuotas, type KmsRequestQuotaMode } from './request-quotas';
import { listResourceTags, tagResource, untagResource } from './tags';

export type { KmsRequestQuotaMode } from './request-quotas';

export interface KmsOptions {
  /** AWS's request quotas (reference §2.11): `on` (default) or `off` (tests, benchmarks). */
  readonly requestQuotas?: KmsRequestQuotaMode;
  /** Monotonic clock in ms for the quota buckets (tests). */
  readonly clock?: () => number;
}

/**
 * AWS KMS (awsJson1_1, `TrentService.*`): management plane here, data plane in
 * crypto-operations. Each running sandbox gets its own instance (its quota counters).
 */
export function createKmsService(options: KmsOptions = {}): ServiceDefinition {
  const quotas = new KmsRequestQuotas(options.requestQuotas ?? 'on', options.clock);
  return { ...kmsDefinition, operations: withRequestQuotas(kmsDefinition.operations, quotas) };
}

/** Replaces the `kms` entry of a service list with one that has its own quota counters. */
export function bindKms(
  services: readonly ServiceDefinition[],
  options: KmsOptions,
): readonly ServiceDefinition[] {
  return services.map((s) => (s.name === 'kms' ? createKmsService(options) : s));
}

const kmsDefinition: ServiceDefinition = {
  name: 'kms',
  eventSource: KMS_EVENT_SOURCE,
  wire: {
    protocol: 'awsJson1_1',
    apiVersion: '2014-11-01',
    targetPrefixes: ['TrentService'],
    errorMessageKey: 'message',
  },
  errors: { ...JSON_ERROR_STYLE, accessDeniedMessage: kmsAccessDeniedMessage },
  operations: {
    CreateKey: createKey,
    DescribeKey: describeKey,
    ListKeys: listKeys,
    UpdateKeyDescription: updateKeyDescription,
    EnableKey: enableKey,
    DisableKey: disableKey,
    ScheduleKeyDeletion: scheduleKeyDeletion,
    CancelKeyDeletion: cancelKeyDeletion,
    CreateAlias: createAlias,
    UpdateAlias: updateAlias,
    DeleteAlias: deleteAlias,
    ListAliases: listAliases,
    GetKeyPolicy: getKeyPolicy,
    PutKeyPolicy: putKeyPolicy,
    ListKeyPolicies: listKeyPolicies,
    GetKeyRotationStatus: getKeyRotationStatus,
    EnableKeyRotation: enableKeyRotation,
    DisableKeyRotation: disableKeyRotation,
    RotateKeyOnDemand: rotateKeyOnDemand,
    ListKeyRotations: listKeyRotations,
    CreateGrant: createGrant,
    ListGrants: listGrants,
    ListRetirableGrants: listRetirableGrants,
    RetireGrant: retireGrant,
    RevokeGrant: revokeGrant,
    TagResource: tagResource,
    UntagResource: untagResource,
    ListResourceTags: listResourceTags,
    ReplicateKey: replicateKey,
    UpdatePrimaryRegion: updatePrimaryRegion,
    GetParametersForImport: getParametersForImport,
    ImportKeyMaterial: importKeyMaterial,
    DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
    GetKeyLastUsage: getKeyLastUsage,
    ...cryptoOperations,
  },
};

/** The registration in SERVICES (quotas on); `bindKms` gives each sandbox its own copy. */
export const kmsService: ServiceDefinition = createKmsService();
