import { perSecondQuota, type RequestQuota } from './request-quota';

// KMS request quotas: requests per second per account and Region, each counted on its own; the
// caller's account is charged, also for another account's key (reference aws-behaviour.md
// §2.11, from the KMS Developer Guide's requests-per-second.md, 2023 table). The sandbox enforces
// these numbers and the app's request scheduler paces itself by them.

/** Per-operation quotas. */
export const KMS_OPERATION_QUOTAS: Readonly<Record<string, number>> = {
  CreateKey: 5,
  CreateAlias: 5,
  UpdateAlias: 5,
  CancelKeyDeletion: 5,
  DisableKey: 5,
  EnableKey: 5,
  DisableKeyRotation: 5,
  DeleteImportedKeyMaterial: 5,
  ImportKeyMaterial: 5,
  ReplicateKey: 5,
  UntagResource: 5,
  UpdateKeyDescription: 5,
  UpdatePrimaryRegion: 5,
  TagResource: 10,
  DeleteAlias: 15,
  EnableKeyRotation: 15,
  PutKeyPolicy: 15,
  ScheduleKeyDeletion: 15,
  RetireGrant: 30,
  RevokeGrant: 30,
  CreateGrant: 50,
  ListGrants: 100,
  ListKeyPolicies: 100,
  ListRetirableGrants: 100,
  ListAliases: 500,
  ListKeys: 500,
  GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000,
  DescribeKey: 2000,
  GetPublicKey: 2000,
  ListResourceTags: 2000,
  GetParametersForImport: 0.25,
  // Not in the 2023 table (§2.11); the Keys issue and the API docs give 5 per second.
  GetKeyLastUsage: 5,
};

/** `GenerateDataKeyPair(WithoutPlaintext)` per KeyPairSpec (shared by both — UNCONFIRMED). */
export const KMS_KEY_PAIR_QUOTAS: Readonly<Record<string, number>> = {
  RSA_2048: 1,
  RSA_3072: 0.5,
  RSA_4096: 0.1,
  ECC_NIST_P256: 25,
  ECC_NIST_P384: 10,
  ECC_NIST_P521: 5,
  ECC_SECG_P256K1: 25,
};

/** The shared cryptographic-operation pools: one per key type. */
export type KmsCryptoPool = 'symmetric' | 'rsa' | 'ecc';

/** Operations that draw on the shared pool of the type of the key they use. */
const CRYPTO_OPERATIONS = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'Sign',
  'Verify',
  'DeriveSharedSecret',
]);

export function isKmsCryptoOperation(operation: string): boolean {
  return CRYPTO_OPERATIONS.has(operation);
}

/** The pools an operation may draw on when the type of its key is not known. */
const POOLS_BY_OPERATION: Readonly<Record<string, readonly KmsCryptoPool[]>> = {
  // Symmetric keys, or RSA and SM2 (an ECC-pool key) for asymmetric encryption.
  Encrypt: ['symmetric', 'rsa', 'ecc'],
  Decrypt: ['symmetric', 'rsa', 'ecc'],
  ReEncrypt: ['symmetric', 'rsa', 'ecc'],
  Sign: ['rsa', 'ecc'],
  Verify: ['rsa', 'ecc'],
  DeriveSharedSecret: ['ecc'],
};

const LARGEST_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);
const LARGE_REGIONS = new Set([
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-central-1',
]);

/**
 * Shared symmetric quota: 50,000 in the three largest US/EU Regions, 10,000 in the next tier,
 * 5,500 elsewhere (reference §2.11; which Region has which is UNCONFIRMED beyond that).
 */
export function symmetricQuota(region: string): number {
  if (LARGEST_REGIONS.has(region)) return 50_000;
  return LARGE_REGIONS.has(region) ? 10_000 : 5_500;
}

export function cryptoPoolOf(keySpec: string): KmsCryptoPool {
  if (keySpec.startsWith('RSA_')) return 'rsa';
  if (keySpec.startsWith('ECC_') || keySpec.startsWith('SM2')) return 'ecc';
  return 'symmetric'; // SYMMETRIC_DEFAULT, HMAC_*
}

export function cryptoPoolQuota(pool: KmsCryptoPool, region: string): RequestQuota {
  const rate = pool === 'rsa' ? 500 : pool === 'ecc' ? 300 : symmetricQuota(region);
  return perSecondQuota(`kms:crypto:${pool}`, rate);
}

/** The quotas of the operation itself, and of the key pair spec for GenerateDataKeyPair. */
export function kmsOperationQuotas(
  operation: string,
  params: Readonly<Record<string, unknown>>,
): RequestQuota[] {
  const quotas: RequestQuota[] = [];
  const own = KMS_OPERATION_QUOTAS[operation];
  if (own !== undefined) quotas.push(perSecondQuota(`kms:${operation}`, own));
  const spec = params['KeyPairSpec'];
  if (operation.startsWith('GenerateDataKeyPair') && typeof spec === 'string') {
    const rate = KMS_KEY_PAIR_QUOTAS[spec];
    if (rate !== undefined) quotas.push(perSecondQuota(`kms:GenerateDataKeyPair:${spec}`, rate));
  }
  return quotas;
}

/** Pools an operation draws on without using a key: GenerateRandom counts as symmetric. */
export function keylessCryptoPools(operation: string): readonly KmsCryptoPool[] {
  return operation === 'GenerateRandom' ? ['symmetric'] : [];
}

/**
 * The pools a request may draw on, for a client that cannot see its key's type: every pool the
 * operation could use. Decrypt without a key id can only be symmetric: AWS requires the key id
 * for asymmetric ciphertexts.
 */
function poolsOfUnknownKey(
  operation: string,
  params: Readonly<Record<string, unknown>>,
): readonly KmsCryptoPool[] {
  if (!isKmsCryptoOperation(operation)) return keylessCryptoPools(operation);
  if (operation === 'Decrypt' && params['KeyId'] === undefined) return ['symmetric'];
  return POOLS_BY_OPERATION[operation] ?? ['symmetric'];
}

/** Everything a KMS request counts against, as a client (which does not know key types) sees it. */
export function kmsRequestQuotas(
  operation: string,
  params: Readonly<Record<string, unknown>>,
  region: string,
): RequestQuota[] {
  return [
    ...kmsOperationQuotas(operation, params),
    ...poolsOfUnknownKey(operation, params).map((pool) => cryptoPoolQuota(pool, region)),
  ];
}
