import { execFileSync } from 'node:child_process';
import {
  constants,
  createHash,
  createPublicKey,
  createPrivateKey,
  privateDecrypt,
  publicEncrypt,
  verify as nodeVerify,
} from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptAsymmetric, encryptAsymmetric, sign, verify } from './asymmetric';
import { generateMaterial, publicKeyDer } from './material';
import { maxRsaOaepPlaintextBytes, signingAlgorithmsFor } from './specs';
import { CryptoInputError, type KeySpec, type SerializedMaterial } from './types';

const materials = new Map<KeySpec, SerializedMaterial>();
function materialFor(spec: KeySpec): SerializedMaterial {
  let m = materials.get(spec);
  if (!m) {
    m = generateMaterial(spec);
    materials.set(spec, m);
  }
  return m;
}

function publicKeyOf(material: SerializedMaterial) {
  return createPublicKey({ key: publicKeyDer(material), format: 'der', type: 'spki' });
}

function hashOf(algorithm: string): string {
  return `sha${algorithm.slice(-3)}`;
}

function nodeVerifyOptions(material: SerializedMaterial, algorithm: string) {
  const key = publicKeyOf(material);
  if (algorithm.startsWith('RSASSA_PSS')) {
    return {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: Number(algorithm.slice(-3)) / 8,
    };
  }
  if (algorithm.startsWith('RSASSA')) return { key, padding: constants.RSA_PKCS1_PADDING };
  return { key, dsaEncoding: 'der' as const };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CryptoInputError ? e.awsCode : String(e);
  }
  return undefined;
}

const RSA_SPECS: readonly KeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096'];
const ECC_SPECS: readonly KeySpec[] = [
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
];

describe('RSA-OAEP', () => {
  for (const spec of RSA_SPECS) {
    for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const) {
      it(`${spec} ${algorithm} round-trips and interoperates with node:crypto`, () => {
        const material = materialFor(spec);
        const oaepHash = algorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256';
        const max = maxRsaOaepPlaintextBytes(spec, algorithm);
        const plaintext = Buffer.alloc(max, 0x5a);
        const ours = encryptAsymmetric(material, algorithm, plaintext);
        expect(decryptAsymmetric(material, algorithm, ours)).toEqual(plaintext);
        const privateKey = createPrivateKey({
          key: Buffer.from(material.data, 'base64'),
          format: 'der',
          type: 'pkcs8',
        });
        expect(
          privateDecrypt(
            { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
            ours,
          ),
        ).toEqual(plaintext);
        const theirs = publicEncrypt(
          { key: publicKeyOf(material), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
          Buffer.from('from outside'),
        );
        expect(decryptAsymmetric(material, algorithm, theirs).toString()).toBe('from outside');
      });
    }
  }

  it('rejects a wrong algorithm, a non-RSA key and garbage ciphertext', () => {
    const material = materialFor('RSA_2048');
    const ct = encryptAsymmetric(material, 'RSAES_OAEP_SHA_256', Buffer.from('x'));
    expect(codeOf(() => decryptAsymmetric(material, 'RSAES_OAEP_SHA_1', ct))).toBe(
      'InvalidCiphertextException',
    );
    expect(codeOf(() => decryptAsymmetric(material, 'SYMMETRIC_DEFAULT', ct))).toBe(
      'InvalidKeyUsageException',
    );
    expect(codeOf(() => decryptAsymmetric(material, 'RSAES_OAEP_SHA_256', Buffer.alloc(256)))).toBe(
      'InvalidCiphertextException',
    );
    expect(
      codeOf(() => encryptAsymmetric(materialFor('ECC_NIST_P256'), 'RSAES_OAEP_SHA_256', ct)),
    ).toBe('InvalidKeyUsageException');
  });
});

describe('signatures', () => {
  for (const spec of [...RSA_SPECS, ...ECC_SPECS]) {
    for (const algorithm of signingAlgorithmsFor(spec, 'SIGN_VERIFY')) {
      it(`${spec} ${algorithm}: RAW and DIGEST, verifiable by node:crypto`, () => {
        const material = materialFor(spec);
        const message = Buffer.from(`message for ${spec} ${algorithm}`);
        const digest = createHash(hashOf(algorithm)).update(message).digest();
        const options = nodeVerifyOptions(material, algorithm);
        for (const [input, type] of [
          [message, 'RAW'],
          [digest, 'DIGEST'],
        ] as const) {
          const signature = sign(material, algorithm, input, type);
          expect(verify(material, algorithm, input, type, signature)).toBe(true);
          // A DIGEST signature is the signature of the original message.
          expect(nodeVerify(hashOf(algorithm), message, options, signature)).toBe(true);
          expect(verify(material, algorithm, message, 'RAW', signature)).toBe(true);
          expect(verify(material, algorithm, digest, 'DIGEST', signature)).toBe(true);
          const bad = Buffer.from(signature);
          bad[bad.length - 3] = (bad[bad.length - 3] ?? 0) ^ 0x10;
          expect(verify(material, algorithm, input, type, bad)).toBe(false);
          expect(verify(material, algorithm, Buffer.from('other'), 'RAW', signature)).toBe(false);
        }
      });
    }
  }

  it('rejects algorithms the key does not support and wrong digest lengths', () => {
    const ecc = materialFor('ECC_NIST_P256');
    expect(codeOf(() => sign(ecc, 'ECDSA_SHA_384', Buffer.from('m'), 'RAW'))).toBe(
      'InvalidKeyUsageException',
    );
    expect(codeOf(() => sign(ecc, 'ECDSA_SHA_256', Buffer.alloc(31), 'DIGEST'))).toBe(
      'ValidationException',
    );
    expect(
      codeOf(() => sign(materialFor('RSA_2048'), 'ECDSA_SHA_256', Buffer.from('m'), 'RAW')),
    ).toBe('InvalidKeyUsageException');
    expect(verify(ecc, 'ECDSA_SHA_256', Buffer.from('m'), 'RAW', Buffer.from('not der'))).toBe(
      false,
    );
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.runIf(hasOpenssl())('openssl CLI interop', () => {
  for (const [spec, algorithm] of [
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256'],
    ['RSA_2048', 'RSASSA_PSS_SHA_256'],
    ['ECC_NIST_P256', 'ECDSA_SHA_256'],
  ] as const) {
    it(`openssl pkeyutl -verify accepts ${spec} ${algorithm}`, () => {
      const material = materialFor(spec);
      const dir = mkdtempSync(join(tmpdir(), 'kms-openssl-'));
      try {
        const message = Buffer.from('signed by the sandbox');
        const digest = createHash('sha256').update(message).digest();
        writeFileSync(join(dir, 'pub.der'), publicKeyDer(material));
        writeFileSync(join(dir, 'digest.bin'), digest);
        writeFileSync(join(dir, 'sig.bin'), sign(material, algorithm, message, 'RAW'));
        const args = ['pkeyutl', '-verify', '-pubin', '-keyform', 'DER'];
        args.push(
          '-inkey',
          join(dir, 'pub.der'),
          '-in',
          join(dir, 'digest.bin'),
          '-sigfile',
          join(dir, 'sig.bin'),
        );
        args.push('-pkeyopt', 'digest:sha256');
        if (algorithm.startsWith('RSASSA_PSS'))
          args.push('-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:32');
        if (algorithm.startsWith('RSASSA_PKCS1')) args.push('-pkeyopt', 'rsa_padding_mode:pkcs1');
        const out = execFileSync('openssl', args, { encoding: 'utf8' });
        expect(out).toContain('Signature Verified Successfully');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

if (!hasOpenssl()) console.log('openssl CLI interop tests skipped: openssl is not on PATH');
