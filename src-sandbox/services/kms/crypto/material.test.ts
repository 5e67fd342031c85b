import {
  createCipheriv,
  createHmac,
  createPublicKey,
  constants,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWrappingKeyPair, unwrapImportedKeyMaterial } from './key-import';
import { generateMac, verifyMac } from './mac';
import {
  generateDataKeyPair,
  generateMaterial,
  materialFromImportedBytes,
  publicKeyDer,
} from './material';
import { decryptSymmetric, encryptSymmetric } from './symmetric-blob';
import { CryptoInputError, type KeySpec } from './types';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CryptoInputError ? e.awsCode : String(e);
  }
  return undefined;
}

describe('material', () => {
  it('generates material of the right kind and size for each spec', () => {
    expect(Buffer.from(generateMaterial('SYMMETRIC_DEFAULT').data, 'base64')).toHaveLength(32);
    for (const [spec, bytes] of [
      ['HMAC_224', 28],
      ['HMAC_256', 32],
      ['HMAC_384', 48],
      ['HMAC_512', 64],
    ] as const) {
      const m = generateMaterial(spec);
      expect(m.kind).toBe('hmac');
      expect(Buffer.from(m.data, 'base64')).toHaveLength(bytes);
    }
    const ecc = generateMaterial('ECC_SECG_P256K1');
    expect(ecc.kind).toBe('ecc');
    const pub = createPublicKey({ key: publicKeyDer(ecc), format: 'der', type: 'spki' });
    expect(pub.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    expect(JSON.parse(JSON.stringify(ecc))).toEqual(ecc);
  });

  it('publicKeyDer is refused for symmetric and HMAC material', () => {
    expect(codeOf(() => publicKeyDer(generateMaterial('SYMMETRIC_DEFAULT')))).toBe(
      'UnsupportedOperationException',
    );
    expect(codeOf(() => publicKeyDer(generateMaterial('HMAC_256')))).toBe(
      'UnsupportedOperationException',
    );
  });

  it('generates data key pairs for every supported pair spec, refuses SM2', () => {
    for (const spec of [
      'RSA_2048',
      'ECC_NIST_P256',
      'ECC_NIST_P384',
      'ECC_NIST_P521',
      'ECC_SECG_P256K1',
      'ECC_NIST_EDWARDS25519',
    ]) {
      const pair = generateDataKeyPair(spec);
      const pub = createPublicKey({ key: pair.publicKeyDer, format: 'der', type: 'spki' });
      expect(pub.asymmetricKeyType).toBe(
        spec.startsWith('RSA') ? 'rsa' : spec.endsWith('25519') ? 'ed25519' : 'ec',
      );
      expect(pair.privateKeyDer.length).toBeGreaterThan(32);
    }
    expect(codeOf(() => generateDataKeyPair('SM2'))).toBe('UnsupportedOperationException');
  });

  it('validates imported bytes', () => {
    expect(materialFromImportedBytes('SYMMETRIC_DEFAULT', randomBytes(32)).kind).toBe('symmetric');
    expect(codeOf(() => materialFromImportedBytes('SYMMETRIC_DEFAULT', randomBytes(16)))).toBe(
      'IncorrectKeyMaterialException',
    );
    expect(materialFromImportedBytes('HMAC_384', randomBytes(100)).kind).toBe('hmac');
    expect(codeOf(() => materialFromImportedBytes('HMAC_384', randomBytes(47)))).toBe(
      'IncorrectKeyMaterialException',
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      format: 'der',
      type: 'pkcs8',
    });
    expect(materialFromImportedBytes('ECC_NIST_P384', ec).kind).toBe('ecc');
    expect(codeOf(() => materialFromImportedBytes('ECC_NIST_P256', ec))).toBe(
      'IncorrectKeyMaterialException',
    );
    expect(codeOf(() => materialFromImportedBytes('RSA_2048', ec))).toBe(
      'IncorrectKeyMaterialException',
    );
    expect(codeOf(() => materialFromImportedBytes('RSA_2048', randomBytes(100)))).toBe(
      'IncorrectKeyMaterialException',
    );
  });
});

describe('HMAC', () => {
  for (const size of ['224', '256', '384', '512'] as const) {
    it(`HMAC_SHA_${size} equals crypto.createHmac and verifies in constant time`, () => {
      const material = generateMaterial(`HMAC_${size}` as KeySpec);
      const message = Buffer.from('mac me');
      const mac = generateMac(material, `HMAC_SHA_${size}`, message);
      const expected = createHmac(`sha${size}`, Buffer.from(material.data, 'base64'))
        .update(message)
        .digest();
      expect(mac).toEqual(expected);
      expect(verifyMac(material, `HMAC_SHA_${size}`, message, mac)).toBe(true);
      expect(verifyMac(material, `HMAC_SHA_${size}`, Buffer.from('other'), mac)).toBe(false);
      expect(verifyMac(material, `HMAC_SHA_${size}`, message, mac.subarray(1))).toBe(false);
    });
  }

  it('refuses a MAC algorithm that does not match the key spec', () => {
    const material = generateMaterial('HMAC_256');
    expect(codeOf(() => generateMac(material, 'HMAC_SHA_512', Buffer.from('m')))).toBe(
      'InvalidKeyUsageException',
    );
    expect(
      codeOf(() =>
        generateMac(generateMaterial('SYMMETRIC_DEFAULT'), 'HMAC_SHA_256', Buffer.from('m')),
      ),
    ).toBe('InvalidKeyUsageException');
  });
});

describe('imported key material', () => {
  const ARN = 'arn:aws:kms:us-east-1:111111111111:key/00000000-0000-4000-8000-000000000001';

  it('RSAES_OAEP_SHA_256: unwraps a 32-byte key a client wrapped with the public key', () => {
    const { publicKeyDer: wrappingPublic, privateKeyPkcs8 } = createWrappingKeyPair('RSA_2048');
    const keyBytes = randomBytes(32);
    const publicKey = createPublicKey({ key: wrappingPublic, format: 'der', type: 'spki' });
    const wrapped = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      keyBytes,
    );
    const unwrapped = unwrapImportedKeyMaterial('RSAES_OAEP_SHA_256', privateKeyPkcs8, wrapped);
    expect(unwrapped).toEqual(keyBytes);
    const material = materialFromImportedBytes('SYMMETRIC_DEFAULT', unwrapped);
    const blob = encryptSymmetric(
      material,
      { keyArn: ARN, materialId: 'c'.repeat(64) },
      Buffer.from('hi'),
      {},
    );
    expect(decryptSymmetric(material, blob, {}).toString()).toBe('hi');
    expect(
      codeOf(() => unwrapImportedKeyMaterial('RSAES_OAEP_SHA_1', privateKeyPkcs8, wrapped)),
    ).toBe('InvalidCiphertextException');
  });

  it('RSA_AES_KEY_WRAP_SHA_256: RSA-OAEP of an ephemeral AES key + AES key wrap with padding', () => {
    const { publicKeyDer: wrappingPublic, privateKeyPkcs8 } = createWrappingKeyPair('RSA_3072');
    const publicKey = createPublicKey({ key: wrappingPublic, format: 'der', type: 'spki' });
    for (const keyBytes of [
      randomBytes(32),
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        format: 'der',
        type: 'pkcs8',
      }),
    ]) {
      const aesKey = randomBytes(32);
      const rsaPart = publicEncrypt(
        { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        aesKey,
      );
      const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('a65959a6', 'hex'));
      const wrapped = Buffer.concat([rsaPart, kwp.update(keyBytes), kwp.final()]);
      expect(
        unwrapImportedKeyMaterial('RSA_AES_KEY_WRAP_SHA_256', privateKeyPkcs8, wrapped),
      ).toEqual(keyBytes);
      const tampered = Buffer.from(wrapped);
      tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
      expect(
        codeOf(() =>
          unwrapImportedKeyMaterial('RSA_AES_KEY_WRAP_SHA_256', privateKeyPkcs8, tampered),
        ),
      ).toBe('InvalidCiphertextException');
    }
  });

  it('refuses RSAES_PKCS1_V1_5 and short input', () => {
    const { privateKeyPkcs8 } = createWrappingKeyPair('RSA_2048');
    expect(
      codeOf(() =>
        unwrapImportedKeyMaterial('RSAES_PKCS1_V1_5', privateKeyPkcs8, randomBytes(256)),
      ),
    ).toBe('ValidationException');
    expect(
      codeOf(() =>
        unwrapImportedKeyMaterial('RSA_AES_KEY_WRAP_SHA_1', privateKeyPkcs8, randomBytes(100)),
      ),
    ).toBe('InvalidCiphertextException');
  });
});
