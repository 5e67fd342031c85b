import type { StoreWriter } from '../../state/store-types';
import {
  encryptionAlgorithmsFor,
  keyAgreementAlgorithmsFor,
  macAlgorithmsFor,
  signingAlgorithmsFor,
} from './crypto';
import { relatedKeys } from './material-versions';
import type { KmsKeyDoc } from './model';

const list = (values: readonly string[]) => (values.length > 0 ? [...values] : undefined);

/** `MultiRegionConfiguration` of a multi-Region key, from its related keys. */
export function multiRegionConfiguration(store: StoreWriter, key: KmsKeyDoc) {
  if (!key.multiRegion) return undefined;
  const all = [key, ...relatedKeys(store, key)];
  const primaryRegion = key.multiRegion.primaryRegion;
  const primary = all.find((k) => k.region === primaryRegion);
  return {
    MultiRegionKeyType: primaryRegion === key.region ? 'PRIMARY' : 'REPLICA',
    PrimaryKey: {
      Arn: primary?.arn ?? key.arn.replace(key.region, primaryRegion),
      Region: primaryRegion,
    },
    ReplicaKeys: all
      .filter((k) => k.region !== primaryRegion)
      .map((k) => ({ Arn: k.arn, Region: k.region })),
  };
}

/** The earliest expiry of any imported material (`ValidTo`). */
function validTo(key: KmsKeyDoc): number | undefined {
  const times = Object.values(key.materials)
    .filter((m) => m.material !== undefined && m.validTo !== undefined)
    .map((m) => m.validTo ?? 0);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** `KeyMetadata` exactly as DescribeKey/CreateKey/ReplicateKey answer it (reference §2.2). */
export function keyMetadata(store: StoreWriter, key: KmsKeyDoc) {
  const current = key.materials[key.currentMaterialId];
  const expires = validTo(key);
  const imported = key.origin === 'EXTERNAL' && current?.expirationModel !== undefined;
  const pendingDeletion = key.keyState === 'PendingDeletion';
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  return {
    AWSAccountId: key.account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate),
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.keyState,
    ...(pendingDeletion && key.deletionDate !== undefined
      ? { DeletionDate: new Date(key.deletionDate) }
      : {}),
    ...(expires !== undefined ? { ValidTo: new Date(expires) } : {}),
    Origin: key.origin,
    ...(imported ? { ExpirationModel: current.expirationModel } : {}),
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    EncryptionAlgorithms: list(encryptionAlgorithmsFor(key.keySpec, key.keyUsage)),
    SigningAlgorithms: list(signingAlgorithmsFor(key.keySpec, key.keyUsage)),
    KeyAgreementAlgorithms: list(keyAgreementAlgorithmsFor(key.keySpec, key.keyUsage)),
    MacAlgorithms: list(macAlgorithmsFor(key.keySpec, key.keyUsage)),
    MultiRegion: key.multiRegion !== undefined,
    MultiRegionConfiguration: multiRegionConfiguration(store, key),
    ...(key.keyState === 'PendingReplicaDeletion'
      ? { PendingDeletionWindowInDays: key.pendingWindowInDays ?? 30 }
      : {}),
    // UNCONFIRMED whether present before import (reference §2.2): omitted until material exists.
    ...(symmetric && key.currentMaterialId !== ''
      ? { CurrentKeyMaterialId: key.currentMaterialId }
      : {}),
  };
}
