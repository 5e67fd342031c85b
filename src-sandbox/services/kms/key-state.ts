import type { SandboxError } from '../../protocols/sandbox-error';
import { invalidState, stateError, unsupported } from './errors';
import type { KmsKeyDoc } from './model';

/** Operations that need an Enabled (or Updating) key: crypto, CreateGrant, MRK operations. */
const NEEDS_ENABLED = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'Sign',
  'Verify',
  'GetPublicKey',
  'DeriveSharedSecret',
  'CreateGrant',
  'ReplicateKey',
  'UpdatePrimaryRegion',
  'RotateKeyOnDemand',
]);

/** Works in every state (reference §2.4). */
const ANY_STATE = new Set([
  'DescribeKey',
  'GetKeyPolicy',
  'ListKeyPolicies',
  'ListGrants',
  'ListResourceTags',
  'PutKeyPolicy',
  'RetireGrant',
  'RevokeGrant',
  'DeleteAlias',
  'ListAliases',
  'ListKeyRotations', // UNCONFIRMED for keys pending deletion; allowed.
  'GetKeyLastUsage',
]);

/** Refused only while the key is pending deletion. */
const NOT_PENDING_DELETION = new Set([
  'TagResource',
  'UntagResource',
  'UpdateKeyDescription',
  'CreateAlias',
  'UpdateAlias',
]);

const isPendingDeletion = (key: KmsKeyDoc): boolean =>
  key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion';

const externalNotValid = (key: KmsKeyDoc) =>
  unsupported(`${key.arn} origin is EXTERNAL which is not valid for this operation.`);

/** The error `operation` meets on `key` because of its state, or undefined (reference §2.4). */
export function stateProblem(key: KmsKeyDoc, operation: string): SandboxError | undefined {
  const state = key.keyState;
  if (ANY_STATE.has(operation)) return undefined;
  if (NEEDS_ENABLED.has(operation)) {
    if (state === 'Enabled') return undefined;
    const updatingOk = !['ReplicateKey', 'RotateKeyOnDemand'].includes(operation);
    if (state === 'Updating' && updatingOk) return undefined;
    return stateError(key);
  }
  if (NOT_PENDING_DELETION.has(operation))
    return isPendingDeletion(key) ? stateError(key) : undefined;
  switch (operation) {
    case 'EnableKey':
    case 'DisableKey':
      return state === 'Enabled' || state === 'Disabled' ? undefined : stateError(key);
    case 'ScheduleKeyDeletion':
      return isPendingDeletion(key) || state === 'Updating' ? stateError(key) : undefined;
    case 'CancelKeyDeletion':
      return isPendingDeletion(key)
        ? undefined
        : invalidState(`${key.arn} is not pending deletion.`);
    case 'EnableKeyRotation':
    case 'DisableKeyRotation':
      if (state === 'PendingImport') return externalNotValid(key);
      return state === 'Enabled' || state === 'Updating' ? undefined : stateError(key);
    case 'GetKeyRotationStatus':
      return state === 'PendingImport' ? externalNotValid(key) : undefined;
    case 'GetParametersForImport':
      return isPendingDeletion(key) || state === 'Creating' || state === 'Updating'
        ? stateError(key)
        : undefined;
    case 'ImportKeyMaterial':
      return isPendingDeletion(key) || state === 'Creating' ? stateError(key) : undefined;
    case 'DeleteImportedKeyMaterial':
      return state === 'Creating' || state === 'Updating' ? stateError(key) : undefined;
    default:
      return undefined;
  }
}

export function requireState(key: KmsKeyDoc, operation: string): void {
  const problem = stateProblem(key, operation);
  if (problem) throw problem;
}
