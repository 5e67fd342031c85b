import { createHash, createPublicKey, createHmac, verify as nodeVerify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SandboxError } from '../../protocols/sandbox-error';
import type { Operation, ServiceContext } from '../types';
import { generateMaterial, type KeySpec, type KeyUsage, type SerializedMaterial } from './crypto';
import { buildCryptoOperations } from './crypto-operations';
import type { KeyAccess, UsableKey } from './key-access-types';

/** Handlers against an in-memory key access (the SDK-level tests are in crypto-operations.sdk.test.ts). */
const ACCOUNT = '111111111111';
const arnOf = (id: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`;

interface FakeKey extends UsableKey {
  materials: Map<string, SerializedMaterial>;
  currentMaterialId: string;
  disabled: boolean;
}

const keys = new Map<string, FakeKey>();
function addKey(id: string, keySpec: KeySpec, keyUsage: KeyUsage): FakeKey {
  const materials = new Map([['m1'.padEnd(64, '0'), generateMaterial(keySpec)]]);
  const key: FakeKey = {
    arn: arnOf(id),
    keyId: id,
    account: ACCOUNT,
    region: 'us-east-1',
    keySpec,
    keyUsage,
    currentMaterialId: 'm1'.padEnd(64, '0'),
    materials,
    disabled: false,
    material: (m) => materials.get(m),
  };
  keys.set(id, key);
  return key;
}

const access: KeyAccess = {
  useKey(_ctx, ref, _operation) {
    const key = keys.get(ref.replace(/^arn:.*:key\//, ''));
    if (!key) throw new SandboxError('NotFoundException', `Key '${arnOf(ref)}' does not exist`);
    if (key.disabled) throw new SandboxError('DisabledException', `${key.arn} is disabled.`);
    return key;
  },
  useKeyByArn(ctx, arn, operation) {
    return access.useKey(ctx, arn, operation);
  },
};

const ops = buildCryptoOperations(access);
const ctx = {
  account: ACCOUNT,
  region: 'us-east-1',
  describeEvent: () => undefined,
  authorize: () => ({}),
  errors: {
    validation: (m: string) => new SandboxError('ValidationException', m),
    accessDenied: (m: string) => new SandboxError('AccessDeniedException', m),
  },
} as unknown as ServiceContext;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function call(name: string, params: Record<string, unknown>) {
  const op = ops[name] as Operation;
  const result = await op.run(ctx, params);
  return { out: result.output as Record<string, unknown>, trail: result.requestParameters };
}

async function codeOf(name: string, params: Record<string, unknown>): Promise<string> {
  try {
    await call(name, params);
  } catch (e) {
    return e instanceof SandboxError ? e.code : String(e);
  }
  return 'no error';
}

const buf = (v: unknown) => Buffer.from(v as Uint8Array);

describe('crypto operations (handlers)', () => {
  beforeAll(() => {
    addKey('sym', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    addKey('sym2', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    addKey('rsa', 'RSA_2048', 'ENCRYPT_DECRYPT');
    addKey('ecc', 'ECC_NIST_P256', 'SIGN_VERIFY');
    addKey('hmac', 'HMAC_256', 'GENERATE_VERIFY_MAC');
  });

  it('Encrypt/Decrypt with context; trail has no plaintext; wrong context fails', async () => {
    const EncryptionContext = { purpose: 'unit' };
    const enc = await call('Encrypt', {
      KeyId: 'sym',
      Plaintext: b64('top secret'),
      EncryptionContext,
    });
    expect(enc.out.KeyId).toBe(arnOf('sym'));
    expect(JSON.stringify(enc.trail)).not.toContain(b64('top secret'));
    expect(enc.trail).toEqual({
      keyId: 'sym',
      encryptionContext: EncryptionContext,
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    const blob = b64(buf(enc.out.CiphertextBlob));
    const dec = await call('Decrypt', { CiphertextBlob: blob, EncryptionContext });
    expect(buf(dec.out.Plaintext).toString()).toBe('top secret');
    expect(dec.out.KeyMaterialId).toBe('m1'.padEnd(64, '0'));
    expect(JSON.stringify(dec.trail)).not.toContain(blob);
    expect(
      await codeOf('Decrypt', { CiphertextBlob: blob, EncryptionContext: { purpose: 'x' } }),
    ).toBe('InvalidCiphertextException');
    expect(
      await codeOf('Decrypt', { CiphertextBlob: blob, KeyId: 'sym2', EncryptionContext }),
    ).toBe('IncorrectKeyException');
    expect(await codeOf('Decrypt', { CiphertextBlob: b64('garbage') })).toBe(
      'InvalidCiphertextException',
    );
  });

  it('rotation: old blobs decrypt after the current material changes', async () => {
    const key = keys.get('sym2') as FakeKey;
    const old = await call('Encrypt', { KeyId: 'sym2', Plaintext: b64('v1') });
    key.materials.set('m2'.padEnd(64, '0'), generateMaterial('SYMMETRIC_DEFAULT'));
    key.currentMaterialId = 'm2'.padEnd(64, '0');
    const dec = await call('Decrypt', { CiphertextBlob: b64(buf(old.out.CiphertextBlob)) });
    expect(buf(dec.out.Plaintext).toString()).toBe('v1');
    expect(dec.out.KeyMaterialId).toBe('m1'.padEnd(64, '0'));
    const re = await call('ReEncrypt', {
      CiphertextBlob: b64(buf(old.out.CiphertextBlob)),
      DestinationKeyId: 'sym',
    });
    expect(re.out.SourceKeyMaterialId).toBe('m1'.padEnd(64, '0'));
    expect(re.out.SourceKeyId).toBe(arnOf('sym2'));
    const back = await call('Decrypt', { CiphertextBlob: b64(buf(re.out.CiphertextBlob)) });
    expect(back.out.KeyId).toBe(arnOf('sym'));
  });

  it('validates sizes and parameters', async () => {
    expect(await codeOf('Encrypt', { KeyId: 'sym', Plaintext: b64(Buffer.alloc(4097)) })).toBe(
      'ValidationException',
    );
    expect(await codeOf('Encrypt', { KeyId: 'sym', Plaintext: '' })).toBe('ValidationException');
    expect(await codeOf('Encrypt', { Plaintext: b64('x') })).toBe('ValidationException');
    expect(await codeOf('GenerateDataKey', { KeyId: 'sym' })).toBe('ValidationException');
    expect(
      await codeOf('GenerateDataKey', { KeyId: 'sym', KeySpec: 'AES_256', NumberOfBytes: 8 }),
    ).toBe('ValidationException');
    expect(await codeOf('GenerateDataKey', { KeyId: 'sym', NumberOfBytes: 1025 })).toBe(
      'ValidationException',
    );
    expect(await codeOf('GenerateRandom', { NumberOfBytes: 0 })).toBe('ValidationException');
    expect(
      await codeOf('Encrypt', {
        KeyId: 'rsa',
        Plaintext: b64(Buffer.alloc(215)),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_1',
      }),
    ).toBe('ValidationException');
    expect(await codeOf('Encrypt', { KeyId: 'rsa', Plaintext: b64('x') })).toBe(
      'InvalidKeyUsageException',
    );
    expect(
      await codeOf('Sign', { KeyId: 'sym', Message: b64('m'), SigningAlgorithm: 'ECDSA_SHA_256' }),
    ).toBe('InvalidKeyUsageException');
    expect(await codeOf('GenerateDataKey', { KeyId: 'rsa', KeySpec: 'AES_256' })).toBe(
      'InvalidKeyUsageException',
    );
    expect(await codeOf('GetPublicKey', { KeyId: 'sym' })).toBe('UnsupportedOperationException');
    expect(await codeOf('GenerateDataKeyPair', { KeyId: 'sym', KeyPairSpec: 'SM2' })).toBe(
      'UnsupportedOperationException',
    );
    expect(await codeOf('Encrypt', { KeyId: 'nope', Plaintext: b64('x') })).toBe(
      'NotFoundException',
    );
  });

  it('DryRun answers DryRunOperationException only when the call would succeed', async () => {
    expect(await codeOf('Encrypt', { KeyId: 'sym', Plaintext: b64('x'), DryRun: true })).toBe(
      'DryRunOperationException',
    );
    expect(await codeOf('Encrypt', { KeyId: 'ecc', Plaintext: b64('x'), DryRun: true })).toBe(
      'InvalidKeyUsageException',
    );
    expect(
      await codeOf('Decrypt', {
        KeyId: 'sym',
        DryRun: true,
        DryRunModifiers: ['IGNORE_CIPHERTEXT'],
      }),
    ).toBe('DryRunOperationException');
    expect(await codeOf('Decrypt', { KeyId: 'sym' })).toBe('ValidationException');
    const key = keys.get('hmac') as FakeKey;
    key.disabled = true;
    expect(
      await codeOf('GenerateMac', {
        KeyId: 'hmac',
        Message: b64('m'),
        MacAlgorithm: 'HMAC_SHA_256',
        DryRun: true,
      }),
    ).toBe('DisabledException');
    key.disabled = false;
  });

  it('data keys and data key pairs', async () => {
    const dk = await call('GenerateDataKey', {
      KeyId: 'sym',
      KeySpec: 'AES_128',
      EncryptionContext: { a: 'b' },
    });
    expect(buf(dk.out.Plaintext)).toHaveLength(16);
    const dec = await call('Decrypt', {
      CiphertextBlob: b64(buf(dk.out.CiphertextBlob)),
      EncryptionContext: { a: 'b' },
    });
    expect(buf(dec.out.Plaintext)).toEqual(buf(dk.out.Plaintext));
    const wp = await call('GenerateDataKeyWithoutPlaintext', { KeyId: 'sym', NumberOfBytes: 64 });
    expect(wp.out.Plaintext).toBeUndefined();
    const pair = await call('GenerateDataKeyPair', { KeyId: 'sym', KeyPairSpec: 'ECC_NIST_P256' });
    const priv = await call('Decrypt', {
      CiphertextBlob: b64(buf(pair.out.PrivateKeyCiphertextBlob)),
    });
    expect(buf(priv.out.Plaintext)).toEqual(buf(pair.out.PrivateKeyPlaintext));
    expect(
      createPublicKey({ key: buf(pair.out.PublicKey), format: 'der', type: 'spki' })
        .asymmetricKeyType,
    ).toBe('ec');
    const np = await call('GenerateDataKeyPairWithoutPlaintext', {
      KeyId: 'sym',
      KeyPairSpec: 'RSA_2048',
    });
    expect(np.out.PrivateKeyPlaintext).toBeUndefined();
    const random = await call('GenerateRandom', { NumberOfBytes: 33 });
    expect(buf(random.out.Plaintext)).toHaveLength(33);
  });

  it('RSA encrypt/decrypt, Sign/Verify, GetPublicKey, MACs', async () => {
    const enc = await call('Encrypt', {
      KeyId: 'rsa',
      Plaintext: b64('rsa!'),
      EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
    });
    const dec = await call('Decrypt', {
      KeyId: 'rsa',
      CiphertextBlob: b64(buf(enc.out.CiphertextBlob)),
      EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
    });
    expect(buf(dec.out.Plaintext).toString()).toBe('rsa!');
    expect(dec.out.KeyMaterialId).toBeUndefined();
    const pub = await call('GetPublicKey', { KeyId: 'ecc' });
    expect(pub.out.SigningAlgorithms).toEqual(['ECDSA_SHA_256']);
    expect(pub.out.EncryptionAlgorithms).toBeUndefined();
    const message = Buffer.from('sign me');
    const digest = createHash('sha256').update(message).digest();
    const signed = await call('Sign', {
      KeyId: 'ecc',
      Message: b64(digest),
      MessageType: 'DIGEST',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    expect(JSON.stringify(signed.trail)).not.toContain(b64(digest));
    const key = createPublicKey({ key: buf(pub.out.PublicKey), format: 'der', type: 'spki' });
    expect(nodeVerify('sha256', message, key, buf(signed.out.Signature))).toBe(true);
    const ok = await call('Verify', {
      KeyId: 'ecc',
      Message: b64(message),
      Signature: b64(buf(signed.out.Signature)),
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    expect(ok.out.SignatureValid).toBe(true);
    expect(
      await codeOf('Verify', {
        KeyId: 'ecc',
        Message: b64('other'),
        Signature: b64(buf(signed.out.Signature)),
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    ).toBe('KMSInvalidSignatureException');
    const mac = await call('GenerateMac', {
      KeyId: 'hmac',
      Message: b64('m'),
      MacAlgorithm: 'HMAC_SHA_256',
    });
    const material = (keys.get('hmac') as FakeKey).materials.values().next()
      .value as SerializedMaterial;
    expect(buf(mac.out.Mac)).toEqual(
      createHmac('sha256', Buffer.from(material.data, 'base64')).update('m').digest(),
    );
    const vm = await call('VerifyMac', {
      KeyId: 'hmac',
      Message: b64('m'),
      MacAlgorithm: 'HMAC_SHA_256',
      Mac: b64(buf(mac.out.Mac)),
    });
    expect(vm.out.MacValid).toBe(true);
    expect(
      await codeOf('VerifyMac', {
        KeyId: 'hmac',
        Message: b64('n'),
        MacAlgorithm: 'HMAC_SHA_256',
        Mac: b64(buf(mac.out.Mac)),
      }),
    ).toBe('KMSInvalidMacException');
    expect(
      await codeOf('GenerateMac', {
        KeyId: 'hmac',
        Message: b64('m'),
        MacAlgorithm: 'HMAC_SHA_512',
      }),
    ).toBe('InvalidKeyUsageException');
  });
});
