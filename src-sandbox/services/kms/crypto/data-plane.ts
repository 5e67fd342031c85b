import { decryptAsymmetric, encryptAsymmetric } from './asymmetric';
import { encryptionAlgorithmsFor, maxRsaOaepPlaintextBytes } from './specs';
import { decryptSymmetric, encryptSymmetric, readBlobHeader } from './symmetric-blob';
import { CryptoInputError, type KeySpec, type KeyUsage, type SerializedMaterial } from './types';

/**
 * The data-plane rules shared by Encrypt, Decrypt, ReEncrypt and the data-key operations,
 * on a key the caller has already resolved and authorised (structurally the key-access
 * `UsableKey`). Errors are `CryptoInputError`s naming the KMS code. Pure: no framework imports.
 */
export interface DataPlaneKey {
  readonly arn: string;
  readonly keyId: string;
  readonly account: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsage;
  readonly currentMaterialId: string;
  material(materialId: string): SerializedMaterial | undefined;
}

export type EncryptionContext = Readonly<Record<string, string>>;

/** KMS-style blob length check; the value is never echoed (it may be plaintext). */
export function checkBlobLength(member: string, value: Buffer, max: number): void {
  const rule =
    value.length < 1
      ? 'Member must have length greater than or equal to 1'
      : value.length > max
        ? `Member must have length less than or equal to ${max}`
        : undefined;
  if (rule === undefined) return;
  const shown = `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  throw new CryptoInputError(
    'ValidationException',
    `1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

/** `InvalidKeyUsageException` unless the key has `usage` (message wording UNCONFIRMED). */
export function requireUsage(key: DataPlaneKey, usage: KeyUsage, operation: string): void {
  if (key.keyUsage !== usage) {
    throw new CryptoInputError(
      'InvalidKeyUsageException',
      `${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`,
    );
  }
}

/** Data-key operations need a symmetric encryption key. */
export function requireSymmetric(key: DataPlaneKey, operation: string): void {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyUsage !== 'ENCRYPT_DECRYPT') {
    throw new CryptoInputError(
      'InvalidKeyUsageException',
      `${key.arn} key spec is ${key.keySpec} which is not valid for ${operation}.`,
    );
  }
}

export function materialOf(key: DataPlaneKey, materialId: string): SerializedMaterial {
  const material = key.material(materialId);
  if (material === undefined) throw new CryptoInputError('InvalidCiphertextException', '');
  return material;
}

function requireAlgorithm(key: DataPlaneKey, algorithm: string): void {
  if (!encryptionAlgorithmsFor(key.keySpec, key.keyUsage).includes(algorithm)) {
    // UNCONFIRMED: e.g. an RSA key without EncryptionAlgorithm (the default does not fit).
    throw new CryptoInputError(
      'InvalidKeyUsageException',
      `${key.arn} does not support encryption algorithm ${algorithm}.`,
    );
  }
}

export interface Encrypted {
  readonly blob: Buffer;
  readonly algorithm: string;
  /** Symmetric only. */
  readonly materialId?: string;
}

/** Encrypt with the key's current material (symmetric blob, or RSA-OAEP). */
export function encryptWithKey(
  key: DataPlaneKey,
  operation: string,
  plaintext: Buffer,
  context: EncryptionContext | undefined,
  requested: string | undefined,
): Encrypted {
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  const algorithm = requested ?? 'SYMMETRIC_DEFAULT';
  requireAlgorithm(key, algorithm);
  const materialId = key.currentMaterialId;
  const material = materialOf(key, materialId);
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    const header = { keyArn: key.arn, materialId };
    return {
      blob: encryptSymmetric(material, header, plaintext, context ?? {}),
      algorithm,
      materialId,
    };
  }
  if (context !== undefined && Object.keys(context).length > 0) {
    // UNCONFIRMED code/message for an encryption context with an asymmetric key.
    throw new CryptoInputError(
      'ValidationException',
      'EncryptionContext is not supported for asymmetric KMS keys.',
    );
  }
  const max = maxRsaOaepPlaintextBytes(key.keySpec, algorithm);
  if (plaintext.length > max) {
    // UNCONFIRMED wording; ValidationException per reference §2.5.5.
    throw new CryptoInputError(
      'ValidationException',
      `Plaintext is too long for ${algorithm} with ${key.keySpec}: at most ${max} bytes.`,
    );
  }
  const rsa = algorithm as 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256';
  return { blob: encryptAsymmetric(material, rsa, plaintext), algorithm };
}

/** True when a blob naming `headerArn` may be decrypted with `key` (same key, or related MRK). */
export function sameKey(key: DataPlaneKey, headerArn: string): boolean {
  if (key.arn === headerArn) return true;
  return key.keyId.startsWith('mrk-') && headerArn.endsWith(`:${key.account}:key/${key.keyId}`);
}

export interface Decrypted {
  readonly plaintext: Buffer;
  readonly algorithm: string;
  readonly materialId?: string;
}

/** Decrypt `blob` with a resolved key; wrong key → IncorrectKeyException, else InvalidCiphertext. */
export function decryptWithKey(
  key: DataPlaneKey,
  operation: string,
  blob: Buffer,
  context: EncryptionContext | undefined,
  requested: string | undefined,
): Decrypted {
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  const algorithm = requested ?? 'SYMMETRIC_DEFAULT';
  requireAlgorithm(key, algorithm);
  if (algorithm !== 'SYMMETRIC_DEFAULT') {
    const material = materialOf(key, key.currentMaterialId);
    return { plaintext: decryptAsymmetric(material, algorithm, blob), algorithm };
  }
  const header = readBlobHeader(blob);
  if (header === undefined) throw new CryptoInputError('InvalidCiphertextException', '');
  if (!sameKey(key, header.keyArn)) {
    throw new CryptoInputError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a CMK that can perform this operation.',
    );
  }
  const material = materialOf(key, header.materialId);
  return {
    plaintext: decryptSymmetric(material, blob, context ?? {}),
    algorithm,
    materialId: header.materialId,
  };
}
