import {
  constants,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  type KeyObject,
} from 'node:crypto';
import { CryptoInputError } from './types';

export type WrappingKeySpec = 'RSA_2048' | 'RSA_3072' | 'RSA_4096';
export type WrappingAlgorithm =
  | 'RSAES_OAEP_SHA_1'
  | 'RSAES_OAEP_SHA_256'
  | 'RSA_AES_KEY_WRAP_SHA_1'
  | 'RSA_AES_KEY_WRAP_SHA_256'
  | 'RSAES_PKCS1_V1_5';

const WRAPPING_BITS: Readonly<Record<WrappingKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** RFC 5649 alternative initial value for AES key wrap with padding. */
const KWP_IV = Buffer.from('a65959a6', 'hex');

/** The RSA key pair GetParametersForImport hands out (public: SPKI DER; private: PKCS#8 DER). */
export function createWrappingKeyPair(wrappingKeySpec: WrappingKeySpec): {
  publicKeyDer: Buffer;
  privateKeyPkcs8: Buffer;
} {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: WRAPPING_BITS[wrappingKeySpec],
    publicExponent: 65537,
  });
  return {
    publicKeyDer: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function cannotUnwrap(): CryptoInputError {
  return new CryptoInputError(
    'InvalidCiphertextException',
    'The ciphertext is invalid or was not encrypted with the public key from this import token.',
  );
}

function oaepDecrypt(key: KeyObject, hash: string, data: Buffer): Buffer {
  try {
    return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data);
  } catch {
    throw cannotUnwrap();
  }
}

/** AES key unwrap with padding (RFC 5649) using OpenSSL's `id-aesN-wrap-pad`. */
export function aesKeyUnwrapPadded(kek: Buffer, wrapped: Buffer): Buffer {
  const cipher = `id-aes${kek.length * 8}-wrap-pad`;
  try {
    const decipher = createDecipheriv(cipher, kek, KWP_IV);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    throw cannotUnwrap();
  }
}

/**
 * Recovers imported key material wrapped with the import's public key.
 * `RSAES_OAEP_*`: RSA-OAEP of the material. `RSA_AES_KEY_WRAP_*`: RSA-OAEP of an ephemeral
 * 256-bit AES key (first modulus-length bytes) followed by the material wrapped with that key
 * (AES key wrap with padding, RFC 5649). `RSAES_PKCS1_V1_5` is no longer accepted by KMS
 * (since 2023-10-10) and is refused with `ValidationException` (UNCONFIRMED code).
 */
export function unwrapImportedKeyMaterial(
  wrappingAlgorithm: WrappingAlgorithm,
  privateKeyPkcs8: Buffer,
  encryptedKeyMaterial: Buffer,
): Buffer {
  if (wrappingAlgorithm === 'RSAES_PKCS1_V1_5') {
    throw new CryptoInputError(
      'ValidationException',
      'The wrapping algorithm RSAES_PKCS1_V1_5 is no longer supported.',
    );
  }
  const key = createPrivateKey({ key: privateKeyPkcs8, format: 'der', type: 'pkcs8' });
  const hash = wrappingAlgorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  if (wrappingAlgorithm === 'RSAES_OAEP_SHA_1' || wrappingAlgorithm === 'RSAES_OAEP_SHA_256') {
    return oaepDecrypt(key, hash, encryptedKeyMaterial);
  }
  const rsaBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (encryptedKeyMaterial.length <= rsaBytes) throw cannotUnwrap();
  const aesKey = oaepDecrypt(key, hash, encryptedKeyMaterial.subarray(0, rsaBytes));
  if (![16, 24, 32].includes(aesKey.length)) throw cannotUnwrap();
  return aesKeyUnwrapPadded(aesKey, encryptedKeyMaterial.subarray(rsaBytes));
}
