import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { kindOf } from './specs';
import { CryptoInputError, type KeySpec, type SerializedMaterial } from './types';

/** OpenSSL curve names by key spec. */
export const CURVE_BY_SPEC: Readonly<Record<string, string>> = {
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1',
};

const RSA_BITS: Readonly<Record<string, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** Generated HMAC key length = hash output length (HMAC_224 → 28 bytes …). */
const HMAC_BYTES: Readonly<Record<string, number>> = {
  HMAC_224: 28,
  HMAC_256: 32,
  HMAC_384: 48,
  HMAC_512: 64,
};

/** Importable HMAC key lengths (KMS guide, "Requirements for imported key material"). */
const HMAC_IMPORT_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  HMAC_224: [28, 64],
  HMAC_256: [32, 64],
  HMAC_384: [48, 128],
  HMAC_512: [64, 128],
};

function pkcs8(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' });
}

/** Generates an asymmetric private key of `keySpec` (RSA or ECC) as a KeyObject. */
function generatePrivateKey(keySpec: KeySpec): KeyObject {
  const bits = RSA_BITS[keySpec];
  if (bits !== undefined) {
    return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 }).privateKey;
  }
  const curve = CURVE_BY_SPEC[keySpec];
  if (curve === undefined) throw new Error(`not an asymmetric key spec: ${keySpec}`);
  return generateKeyPairSync('ec', { namedCurve: curve }).privateKey;
}

/** Fresh key material for a new key (or a rotation). */
export function generateMaterial(keySpec: KeySpec): SerializedMaterial {
  const kind = kindOf(keySpec);
  switch (kind) {
    case 'symmetric':
      return { kind, keySpec, data: randomBytes(32).toString('base64') };
    case 'hmac':
      return { kind, keySpec, data: randomBytes(HMAC_BYTES[keySpec] ?? 32).toString('base64') };
    case 'rsa':
    case 'ecc':
      return { kind, keySpec, data: pkcs8(generatePrivateKey(keySpec)).toString('base64') };
  }
}

function incorrect(message: string): CryptoInputError {
  // UNCONFIRMED: which code KMS uses for well-unwrapped but unusable material; the model's
  // IncorrectKeyMaterialException text covers "invalid" material, so that is used.
  return new CryptoInputError('IncorrectKeyMaterialException', message);
}

function importedPrivateKey(keySpec: KeySpec, keyBytes: Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyBytes, format: 'der', type: 'pkcs8' });
  } catch {
    throw incorrect('The key material is not a DER-encoded PKCS #8 private key.');
  }
  const details = key.asymmetricKeyDetails ?? {};
  const bits = RSA_BITS[keySpec];
  if (bits !== undefined) {
    if (key.asymmetricKeyType !== 'rsa' || details.modulusLength !== bits) {
      throw incorrect(`The key material is not an RSA private key of ${bits} bits.`);
    }
    return key;
  }
  if (key.asymmetricKeyType !== 'ec' || details.namedCurve !== CURVE_BY_SPEC[keySpec]) {
    throw incorrect(`The key material is not an ${keySpec} private key.`);
  }
  return key;
}

/**
 * Material from unwrapped imported bytes: 32 raw bytes (symmetric), raw HMAC key within the
 * spec's range, or a PKCS#8 DER private key of the right algorithm and size.
 */
export function materialFromImportedBytes(keySpec: KeySpec, keyBytes: Buffer): SerializedMaterial {
  const kind = kindOf(keySpec);
  switch (kind) {
    case 'symmetric':
      if (keyBytes.length !== 32) {
        throw incorrect('Symmetric key material must be 256 bits (32 bytes).');
      }
      return { kind, keySpec, data: keyBytes.toString('base64') };
    case 'hmac': {
      const [min, max] = HMAC_IMPORT_RANGE[keySpec] ?? [32, 64];
      if (keyBytes.length < min || keyBytes.length > max) {
        throw incorrect(`${keySpec} key material must be ${min} to ${max} bytes.`);
      }
      return { kind, keySpec, data: keyBytes.toString('base64') };
    }
    case 'rsa':
    case 'ecc':
      // Re-export so the stored form is canonical PKCS#8.
      return {
        kind,
        keySpec,
        data: pkcs8(importedPrivateKey(keySpec, keyBytes)).toString('base64'),
      };
  }
}

/** Raw bytes of symmetric/HMAC material. */
export function secretBytes(material: SerializedMaterial): Buffer {
  if (material.kind !== 'symmetric' && material.kind !== 'hmac') {
    throw new Error(`material of kind ${material.kind} has no secret key`);
  }
  return Buffer.from(material.data, 'base64');
}

/** Private key of RSA/ECC material. */
export function privateKeyOf(material: SerializedMaterial): KeyObject {
  if (material.kind !== 'rsa' && material.kind !== 'ecc') {
    throw new CryptoInputError(
      'UnsupportedOperationException',
      `${material.keySpec} is not an asymmetric key spec.`,
    );
  }
  return createPrivateKey({
    key: Buffer.from(material.data, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
}

/** SubjectPublicKeyInfo DER of an asymmetric key (GetPublicKey). */
export function publicKeyDer(material: SerializedMaterial): Buffer {
  return createPublicKey(privateKeyOf(material)).export({ format: 'der', type: 'spki' });
}

/** `DataKeyPairSpec` values the sandbox generates (SM2 is China-Regions only). */
export const DATA_KEY_PAIR_SPECS: readonly string[] = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
];

/** A data key pair for GenerateDataKeyPair*: SPKI DER public key, PKCS#8 DER private key. */
export function generateDataKeyPair(keyPairSpec: string): {
  publicKeyDer: Buffer;
  privateKeyDer: Buffer;
} {
  if (!DATA_KEY_PAIR_SPECS.includes(keyPairSpec)) {
    throw new CryptoInputError(
      'UnsupportedOperationException',
      `KeyPairSpec ${keyPairSpec} is not supported in this region.`,
    );
  }
  const privateKey =
    keyPairSpec === 'ECC_NIST_EDWARDS25519'
      ? generateKeyPairSync('ed25519').privateKey
      : generatePrivateKey(keyPairSpec as KeySpec);
  return {
    publicKeyDer: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
    privateKeyDer: pkcs8(privateKey),
  };
}
