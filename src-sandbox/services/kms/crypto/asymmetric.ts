import {
  constants,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { ecdsaSignDigest, ecdsaVerifyDigest } from './ecdsa-digest';
import { privateKeyOf } from './material';
import {
  pkcs1SignDigest,
  pkcs1VerifyDigest,
  pssSignDigest,
  pssVerifyDigest,
  type HashName,
} from './rsa-digest';
import { digestLengthFor, encryptionAlgorithmsFor, signingAlgorithmsFor } from './specs';
import { CryptoInputError, type SerializedMaterial } from './types';

const OAEP_HASH: Readonly<Record<string, string>> = {
  RSAES_OAEP_SHA_1: 'sha1',
  RSAES_OAEP_SHA_256: 'sha256',
};

function invalidUsage(
  material: SerializedMaterial,
  algorithm: string,
  what: string,
): CryptoInputError {
  return new CryptoInputError(
    'InvalidKeyUsageException',
    `${what} ${algorithm} is not supported for a key with KeySpec ${material.keySpec}.`,
  );
}

function oaepHash(material: SerializedMaterial, algorithm: string): string {
  const hash = OAEP_HASH[algorithm];
  if (
    hash === undefined ||
    !encryptionAlgorithmsFor(material.keySpec, 'ENCRYPT_DECRYPT').includes(algorithm)
  ) {
    throw invalidUsage(material, algorithm, 'Encryption algorithm');
  }
  return hash;
}

/** RSA-OAEP (MGF1 with the same hash, no label) under the key's public key. */
export function encryptAsymmetric(
  material: SerializedMaterial,
  algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256',
  plaintext: Buffer,
): Buffer {
  const oaepHashName = oaepHash(material, algorithm);
  return publicEncrypt(
    {
      key: createPublicKey(privateKeyOf(material)),
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: oaepHashName,
    },
    plaintext,
  );
}

/** RSA-OAEP decryption; any failure is `InvalidCiphertextException`. */
export function decryptAsymmetric(
  material: SerializedMaterial,
  algorithm: string,
  ciphertext: Buffer,
): Buffer {
  const oaepHashName = oaepHash(material, algorithm);
  try {
    return privateDecrypt(
      {
        key: privateKeyOf(material),
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: oaepHashName,
      },
      ciphertext,
    );
  } catch {
    throw new CryptoInputError('InvalidCiphertextException', '');
  }
}

interface SigningScheme {
  readonly hash: HashName;
  readonly kind: 'pss' | 'pkcs1' | 'ecdsa';
}

function schemeOf(
  material: SerializedMaterial,
  algorithm: string,
  messageType: string,
  message: Buffer,
): SigningScheme {
  if (!signingAlgorithmsFor(material.keySpec, 'SIGN_VERIFY').includes(algorithm)) {
    throw invalidUsage(material, algorithm, 'Signing algorithm');
  }
  const length = digestLengthFor(algorithm) ?? 32;
  const hash: HashName = length === 64 ? 'sha512' : length === 48 ? 'sha384' : 'sha256';
  if (messageType === 'DIGEST' && message.length !== length) {
    // UNCONFIRMED wording; the code is ValidationException (reference §2.3 digest lengths).
    throw new CryptoInputError(
      'ValidationException',
      `Digest is invalid length for algorithm ${algorithm}. Expected ${length} bytes.`,
    );
  }
  const kind = algorithm.startsWith('RSASSA_PSS')
    ? 'pss'
    : algorithm.startsWith('RSASSA')
      ? 'pkcs1'
      : 'ecdsa';
  return { hash, kind };
}

function nodeOptions(key: KeyObject, scheme: SigningScheme) {
  if (scheme.kind === 'pss') {
    const saltLength = scheme.hash === 'sha512' ? 64 : scheme.hash === 'sha384' ? 48 : 32;
    return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength };
  }
  if (scheme.kind === 'pkcs1') return { key, padding: constants.RSA_PKCS1_PADDING };
  return { key, dsaEncoding: 'der' as const };
}

/** A KMS-format signature: RSA per RFC 8017 (PSS salt = hash length), ECDSA as DER. */
export function sign(
  material: SerializedMaterial,
  algorithm: string,
  message: Buffer,
  messageType: 'RAW' | 'DIGEST',
): Buffer {
  const scheme = schemeOf(material, algorithm, messageType, message);
  const key = privateKeyOf(material);
  if (messageType === 'RAW') return nodeSign(scheme.hash, message, nodeOptions(key, scheme));
  if (scheme.kind === 'pss') return pssSignDigest(key, scheme.hash, message);
  if (scheme.kind === 'pkcs1') return pkcs1SignDigest(key, scheme.hash, message);
  return ecdsaSignDigest(key, message);
}

/** `true` when `signature` is valid; `false` for any mismatch or malformed signature. */
export function verify(
  material: SerializedMaterial,
  algorithm: string,
  message: Buffer,
  messageType: 'RAW' | 'DIGEST',
  signature: Buffer,
): boolean {
  const scheme = schemeOf(material, algorithm, messageType, message);
  const key = createPublicKey(privateKeyOf(material));
  if (messageType === 'DIGEST') {
    if (scheme.kind === 'pss') return pssVerifyDigest(key, scheme.hash, message, signature);
    if (scheme.kind === 'pkcs1') return pkcs1VerifyDigest(key, scheme.hash, message, signature);
    return ecdsaVerifyDigest(key, message, signature);
  }
  try {
    return nodeVerify(scheme.hash, message, nodeOptions(key, scheme), signature);
  } catch {
    return false;
  }
}
