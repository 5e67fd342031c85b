import { z } from 'zod';
import { awsBlob, awsStringMap } from '../../validation';

/**
 * zod schemas of the KMS data-plane operations (wire members as the SDK sends them; blobs are
 * base64 strings, decoded here — their byte-length limits are checked by the handlers so that
 * a validation message never echoes plaintext). Pure: no framework imports.
 */
const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
] as const;
const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'SM2DSA',
  'ML_DSA_SHAKE_256',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
] as const;
const MAC_ALGORITHMS = ['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const;
const KEY_PAIR_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'SM2',
  'ECC_NIST_EDWARDS25519',
] as const;

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `Member must satisfy enum value set: [${values.join(', ')}]` });
}

function length(min: number, max: number) {
  return z
    .string()
    .min(min, `Member must have length greater than or equal to ${min}`)
    .max(max, `Member must have length less than or equal to ${max}`);
}

const blob = awsBlob;
const keyId = length(1, 2048);
const context = awsStringMap.optional();
const grantTokens = z
  .array(length(1, 8192))
  .max(10, 'Member must have length less than or equal to 10')
  .optional();
const dryRun = z.boolean().optional();
const numberOfBytes = z
  .number()
  .int('Member must be an integer')
  .min(1, 'Member must have value greater than or equal to 1')
  .max(1024, 'Member must have value less than or equal to 1024');
/** Nitro Enclaves attestation: accepted and ignored by the sandbox. */
const recipient = z.object({}).passthrough().optional();
const messageType = oneOf(['RAW', 'DIGEST', 'EXTERNAL_MU']).optional();
const common = { GrantTokens: grantTokens, DryRun: dryRun };

export const encryptInput = z.object({
  KeyId: keyId,
  Plaintext: blob,
  EncryptionContext: context,
  EncryptionAlgorithm: oneOf(ENCRYPTION_ALGORITHMS).optional(),
  ...common,
});

export const decryptInput = z.object({
  CiphertextBlob: blob.optional(),
  EncryptionContext: context,
  KeyId: keyId.optional(),
  EncryptionAlgorithm: oneOf(ENCRYPTION_ALGORITHMS).optional(),
  Recipient: recipient,
  DryRunModifiers: z.array(oneOf(['IGNORE_CIPHERTEXT'])).optional(),
  ...common,
});

export const reEncryptInput = z.object({
  CiphertextBlob: blob.optional(),
  SourceEncryptionContext: context,
  SourceKeyId: keyId.optional(),
  DestinationKeyId: keyId,
  DestinationEncryptionContext: context,
  SourceEncryptionAlgorithm: oneOf(ENCRYPTION_ALGORITHMS).optional(),
  DestinationEncryptionAlgorithm: oneOf(ENCRYPTION_ALGORITHMS).optional(),
  DryRunModifiers: z.array(oneOf(['IGNORE_CIPHERTEXT'])).optional(),
  ...common,
});

export const generateDataKeyInput = z.object({
  KeyId: keyId,
  EncryptionContext: context,
  NumberOfBytes: numberOfBytes.optional(),
  KeySpec: oneOf(['AES_256', 'AES_128']).optional(),
  Recipient: recipient,
  ...common,
});

export const generateDataKeyPairInput = z.object({
  KeyId: keyId,
  KeyPairSpec: oneOf(KEY_PAIR_SPECS),
  EncryptionContext: context,
  Recipient: recipient,
  ...common,
});

export const generateRandomInput = z.object({
  NumberOfBytes: numberOfBytes.optional(),
  CustomKeyStoreId: length(1, 64).optional(),
  Recipient: recipient,
});

export const signInput = z.object({
  KeyId: keyId,
  Message: blob,
  MessageType: messageType,
  SigningAlgorithm: oneOf(SIGNING_ALGORITHMS),
  ...common,
});

export const verifyInput = signInput.extend({ Signature: blob });

export const getPublicKeyInput = z.object({ KeyId: keyId, GrantTokens: grantTokens });

export const generateMacInput = z.object({
  KeyId: keyId,
  Message: blob,
  MacAlgorithm: oneOf(MAC_ALGORITHMS),
  ...common,
});

export const verifyMacInput = generateMacInput.extend({ Mac: blob });

/** Condition keys of an encryption context (`kms:EncryptionContext:<k>`, `kms:EncryptionContextKeys`). */
export function encryptionContextConditions(
  encryptionContext: Readonly<Record<string, string>> | undefined,
): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  const keys = Object.keys(encryptionContext ?? {});
  for (const k of keys) out[`kms:EncryptionContext:${k}`] = encryptionContext?.[k] ?? '';
  if (keys.length > 0) out['kms:EncryptionContextKeys'] = keys;
  return out;
}
