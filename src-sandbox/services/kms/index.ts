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
import { listResourceTags, tagResource, untagResource } from './tags';

/** AWS KMS (awsJson1_1, `TrentService.*`): management plane here, data plane in crypto-operations. */
export const kmsService: ServiceDefinition = {
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
