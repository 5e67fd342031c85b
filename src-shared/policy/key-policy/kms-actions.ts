// Every KMS action with its IAM access level (Service Authorization Reference, "Actions defined
// by AWS Key Management Service"). The lint uses it to flag misspelt actions; effective access
// and the policy builder pick their action groups from it.
import { matchesWildcard } from '../wildcard';

export type KmsAccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export const KMS_ACTIONS: Readonly<Record<string, KmsAccessLevel>> = {
  CancelKeyDeletion: 'Write',
  ConnectCustomKeyStore: 'Write',
  CreateAlias: 'Write',
  CreateCustomKeyStore: 'Write',
  CreateGrant: 'Permissions management',
  CreateKey: 'Write',
  Decrypt: 'Write',
  DeleteAlias: 'Write',
  DeleteCustomKeyStore: 'Write',
  DeleteImportedKeyMaterial: 'Write',
  DeriveSharedSecret: 'Write',
  DescribeCustomKeyStores: 'Read',
  DescribeKey: 'Read',
  DisableKey: 'Write',
  DisableKeyRotation: 'Write',
  DisconnectCustomKeyStore: 'Write',
  EnableKey: 'Write',
  EnableKeyRotation: 'Write',
  Encrypt: 'Write',
  GenerateDataKey: 'Write',
  GenerateDataKeyPair: 'Write',
  GenerateDataKeyPairWithoutPlaintext: 'Write',
  GenerateDataKeyWithoutPlaintext: 'Write',
  GenerateMac: 'Write',
  GenerateRandom: 'Write',
  GetKeyLastUsage: 'Read',
  GetKeyPolicy: 'Read',
  GetKeyRotationStatus: 'Read',
  GetParametersForImport: 'Read',
  GetPublicKey: 'Read',
  ImportKeyMaterial: 'Write',
  ListAliases: 'List',
  ListGrants: 'List',
  ListKeyPolicies: 'List',
  ListKeyRotations: 'List',
  ListKeys: 'List',
  ListResourceTags: 'List',
  ListRetirableGrants: 'List',
  PutKeyPolicy: 'Permissions management',
  ReEncryptFrom: 'Write',
  ReEncryptTo: 'Write',
  ReplicateKey: 'Write',
  RetireGrant: 'Permissions management',
  RevokeGrant: 'Permissions management',
  RotateKeyOnDemand: 'Write',
  ScheduleKeyDeletion: 'Write',
  Sign: 'Write',
  SynchronizeMultiRegionKey: 'Write',
  TagResource: 'Tagging',
  UntagResource: 'Tagging',
  UpdateAlias: 'Write',
  UpdateCustomKeyStore: 'Write',
  UpdateKeyDescription: 'Write',
  UpdatePrimaryRegion: 'Write',
  Verify: 'Write',
  VerifyMac: 'Write',
};

const QUALIFIED = Object.keys(KMS_ACTIONS).map((name) => `kms:${name}`);

/** `kms:Decrypt`, `kms:ReEncrypt*`, `kms:*`, `*`: true when the pattern names at least one KMS action. */
export function isKnownKmsAction(pattern: string): boolean {
  return QUALIFIED.some((action) => matchesWildcard(pattern, action, true));
}

/** The KMS actions a pattern covers, e.g. `kms:ReEncrypt*` → ReEncryptFrom, ReEncryptTo. */
export function kmsActionsMatching(pattern: string): readonly string[] {
  return QUALIFIED.filter((action) => matchesWildcard(pattern, action, true));
}
