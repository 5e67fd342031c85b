import { describe, expect, it } from 'vitest';
import { generateMaterial } from './material';
import { decryptSymmetric, encryptSymmetric, readBlobHeader } from './symmetric-blob';
import { CryptoInputError } from './types';

const ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);

function expectInvalidCiphertext(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoInputError);
    expect((e as CryptoInputError).awsCode).toBe('InvalidCiphertextException');
    return;
  }
  throw new Error('expected InvalidCiphertextException');
}

describe('symmetric blob', () => {
  const material = generateMaterial('SYMMETRIC_DEFAULT');
  const context = { purpose: 'test', app: 'keyward' };

  it('round-trips and names the key and material in its header', () => {
    const plaintext = Buffer.from('hello, kms');
    const blob = encryptSymmetric(material, { keyArn: ARN, materialId: V1 }, plaintext, context);
    expect(readBlobHeader(blob)).toEqual({ keyArn: ARN, materialId: V1 });
    expect(decryptSymmetric(material, blob, context)).toEqual(plaintext);
  });

  it('canonicalises the context (key order does not matter)', () => {
    const blob = encryptSymmetric(material, { keyArn: ARN, materialId: V1 }, Buffer.from('x'), {
      b: '2',
      a: '1',
    });
    expect(decryptSymmetric(material, blob, { a: '1', b: '2' }).toString()).toBe('x');
  });

  it('fails with a wrong, missing or differently-cased context', () => {
    const blob = encryptSymmetric(
      material,
      { keyArn: ARN, materialId: V1 },
      Buffer.from('x'),
      context,
    );
    expectInvalidCiphertext(() => decryptSymmetric(material, blob, {}));
    expectInvalidCiphertext(() => decryptSymmetric(material, blob, { ...context, app: 'other' }));
    expectInvalidCiphertext(() => decryptSymmetric(material, blob, { ...context, extra: '1' }));
    expectInvalidCiphertext(() =>
      decryptSymmetric(material, blob, { purpose: 'Test', app: 'keyward' }),
    );
  });

  it('fails when any byte is tampered with', () => {
    const blob = encryptSymmetric(
      material,
      { keyArn: ARN, materialId: V1 },
      Buffer.from('secret data'),
      {},
    );
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expectInvalidCiphertext(() => decryptSymmetric(material, tampered, {}));
    }
    expectInvalidCiphertext(() =>
      decryptSymmetric(material, blob.subarray(0, blob.length - 1), {}),
    );
  });

  it('fails with other material and rejects foreign blobs', () => {
    const blob = encryptSymmetric(material, { keyArn: ARN, materialId: V1 }, Buffer.from('x'), {});
    expectInvalidCiphertext(() =>
      decryptSymmetric(generateMaterial('SYMMETRIC_DEFAULT'), blob, {}),
    );
    expect(readBlobHeader(Buffer.from('AQICAHhgarbage', 'base64'))).toBeUndefined();
    expect(readBlobHeader(Buffer.alloc(0))).toBeUndefined();
    expectInvalidCiphertext(() => decryptSymmetric(material, Buffer.from('nonsense'), {}));
  });

  it('rotation: a blob from material v1 still decrypts once v2 is current', () => {
    const v1 = material;
    const v2 = generateMaterial('SYMMETRIC_DEFAULT');
    const materials = new Map([
      [V1, v1],
      [V2, v2],
    ]);
    const old = encryptSymmetric(v1, { keyArn: ARN, materialId: V1 }, Buffer.from('old'), context);
    const fresh = encryptSymmetric(
      v2,
      { keyArn: ARN, materialId: V2 },
      Buffer.from('new'),
      context,
    );
    for (const [blob, text] of [
      [old, 'old'],
      [fresh, 'new'],
    ] as const) {
      const header = readBlobHeader(blob);
      const used = materials.get(header?.materialId ?? '');
      expect(used).toBeDefined();
      if (used) expect(decryptSymmetric(used, blob, context).toString()).toBe(text);
    }
    expect(readBlobHeader(old)?.materialId).toBe(V1);
  });

  it('keeps 4096 bytes of plaintext within the 6144-byte ciphertext limit', () => {
    const blob = encryptSymmetric(
      material,
      { keyArn: ARN, materialId: V1 },
      Buffer.alloc(4096, 7),
      context,
    );
    expect(blob.length).toBeLessThanOrEqual(6144);
  });
});
