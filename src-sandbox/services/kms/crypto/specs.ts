import { keySpecs } from '../../../../src-shared/schemas/create-key-input';
import { CryptoInputError, type KeySpec, type KeyUsage, type MaterialKind } from './types';

/** Largest `Plaintext` for Encrypt with a symmetric key (and `Message` for Sign/Verify/MAC). */
export const MAX_PLAINTEXT_BYTES = 4096;
/** `CiphertextBlob` is 1–6144 bytes. */
export const MAX_CIPHERTEXT_BYTES = 6144;
/** `Signature` and `Mac` are 1–6144 bytes. */
export const MAX_SIGNATURE_BYTES = 6144;
/** `Message` for Sign/Verify/GenerateMac/VerifyMac. */
export const MAX_MESSAGE_BYTES = 4096;
/** `NumberOfBytes` for GenerateDataKey* and GenerateRandom. */
export const MAX_RANDOM_BYTES = 1024;

export const ALL_KEY_SPECS: readonly KeySpec[] = keySpecs;

/**
 * Specs the reference lists that the sandbox does not implement: SM2 is China-Regions only,
 * and node:crypto in Node 20 has no ML-DSA; Ed25519 keys are left out too. CreateKey answers
 * `UnsupportedOperationException` for them (sandbox choice, not AWS behaviour).
 */
export const UNSUPPORTED_KEY_SPECS: readonly string[] = [
  'ECC_NIST_EDWARDS25519',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
];

export function isKeySpec(value: string): value is KeySpec {
  return (ALL_KEY_SPECS as readonly string[]).includes(value);
}

/** Narrows a wire `KeySpec`; unknown or unimplemented specs throw `UnsupportedOperationException`. */
export function parseKeySpec(value: string): KeySpec {
  if (isKeySpec(value)) return value;
  throw new CryptoInputError(
    'UnsupportedOperationException',
    `KeySpec ${value} is not supported in this region.`,
  );
}

export function kindOf(keySpec: KeySpec): MaterialKind {
  if (keySpec === 'SYMMETRIC_DEFAULT') return 'symmetric';
  if (keySpec.startsWith('HMAC_')) return 'hmac';
  if (keySpec.startsWith('RSA_')) return 'rsa';
  return 'ecc';
}

/** What CreateKey allows for a spec; the first entry is the default where one applies. */
export function validUsagesFor(keySpec: KeySpec): readonly KeyUsage[] {
  switch (kindOf(keySpec)) {
    case 'symmetric':
      return ['ENCRYPT_DECRYPT'];
    case 'hmac':
      return ['GENERATE_VERIFY_MAC'];
    case 'rsa':
      return ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'];
    case 'ecc':
      return keySpec === 'ECC_SECG_P256K1' ? ['SIGN_VERIFY'] : ['SIGN_VERIFY', 'KEY_AGREEMENT'];
  }
}

function usable(keySpec: KeySpec, usage: KeyUsage): boolean {
  return validUsagesFor(keySpec).includes(usage);
}

/** `KeyMetadata.EncryptionAlgorithms` (empty when the field is absent). */
export function encryptionAlgorithmsFor(keySpec: KeySpec, usage: KeyUsage): readonly string[] {
  if (usage !== 'ENCRYPT_DECRYPT' || !usable(keySpec, usage)) return [];
  return keySpec === 'SYMMETRIC_DEFAULT'
    ? ['SYMMETRIC_DEFAULT']
    : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
}

const ECDSA_BY_SPEC: Readonly<Record<string, string>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256',
  ECC_NIST_P384: 'ECDSA_SHA_384',
  ECC_NIST_P521: 'ECDSA_SHA_512',
  ECC_SECG_P256K1: 'ECDSA_SHA_256',
};

/** `KeyMetadata.SigningAlgorithms` (empty when the field is absent). */
export function signingAlgorithmsFor(keySpec: KeySpec, usage: KeyUsage): readonly string[] {
  if (usage !== 'SIGN_VERIFY' || !usable(keySpec, usage)) return [];
  if (kindOf(keySpec) === 'rsa') {
    return [
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
      'RSASSA_PSS_SHA_256',
      'RSASSA_PSS_SHA_384',
      'RSASSA_PSS_SHA_512',
    ];
  }
  const ecdsa = ECDSA_BY_SPEC[keySpec];
  return ecdsa === undefined ? [] : [ecdsa];
}

/** `KeyMetadata.MacAlgorithms` (empty when the field is absent). */
export function macAlgorithmsFor(keySpec: KeySpec, usage: KeyUsage): readonly string[] {
  if (usage !== 'GENERATE_VERIFY_MAC' || !usable(keySpec, usage)) return [];
  return [`HMAC_SHA_${keySpec.slice('HMAC_'.length)}`];
}

/** `KeyMetadata.KeyAgreementAlgorithms` (empty when the field is absent). */
export function keyAgreementAlgorithmsFor(keySpec: KeySpec, usage: KeyUsage): readonly string[] {
  return usage === 'KEY_AGREEMENT' && usable(keySpec, usage) ? ['ECDH'] : [];
}

const RSA_BYTES: Readonly<Record<string, number>> = { RSA_2048: 256, RSA_3072: 384, RSA_4096: 512 };

/** Largest RSA-OAEP plaintext: k − 2·hLen − 2 (214/190, 342/318, 470/446). 0 if not RSA-OAEP. */
export function maxRsaOaepPlaintextBytes(keySpec: KeySpec, algorithm: string): number {
  const k = RSA_BYTES[keySpec];
  if (k === undefined) return 0;
  if (algorithm === 'RSAES_OAEP_SHA_1') return k - 2 * 20 - 2;
  if (algorithm === 'RSAES_OAEP_SHA_256') return k - 2 * 32 - 2;
  return 0;
}

/** Hash output length in bytes a `MessageType=DIGEST` message must have for `algorithm`. */
export function digestLengthFor(algorithm: string): number | undefined {
  if (algorithm.endsWith('_SHA_256')) return 32;
  if (algorithm.endsWith('_SHA_384')) return 48;
  if (algorithm.endsWith('_SHA_512')) return 64;
  return undefined;
}

/** Data-key specs for GenerateDataKey `KeySpec`. */
export const DATA_KEY_BYTES: Readonly<Record<string, number>> = { AES_256: 32, AES_128: 16 };
