import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DecryptCommand,
  EncryptCommand,
  GenerateMacCommand,
  SignCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { createKeyInput } from '../../src-shared/schemas/create-key-input';
import { createKey } from './create-key';
import { describeKey } from './describe-key';
import { kmsOf } from './key-context';
import { keyDetail } from './key-detail';
import { PROD_E1, recordProgress, useKeyOperations, errorOf } from './testing/key-test-kit';

const { keys, dataDir } = useKeyOperations();

const create = (input: Record<string, unknown>) =>
  createKey(keys, createKeyInput.parse({ ...PROD_E1, ...input }), recordProgress());

/** Encrypts in one Region and decrypts (no KeyId: the ciphertext names its key) in another. */
async function roundTrip(keyArn: string, text: string, decryptIn = 'us-east-1'): Promise<string> {
  const sealed = await (
    await kmsOf(keys, 'prod', 'us-east-1')
  ).send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from(text) }));
  const opened = await (
    await kmsOf(keys, 'prod', decryptIn)
  ).send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
  return Buffer.from(opened.Plaintext ?? []).toString();
}

/** keys.create in prod us-east-1, with the titles of the steps it reported. */
async function createTracked(input: Record<string, unknown>) {
  const progress = recordProgress();
  const result = await createKey(keys, createKeyInput.parse({ ...PROD_E1, ...input }), progress);
  return { result, titles: progress.titles };
}

describe('keys.create', () => {
  it('creates a symmetric key with alias, description and tags, reporting each step', async () => {
    const { result, titles } = await createTracked({
      alias: 'alias/test-create-symmetric',
      description: 'made by a test',
      tags: [{ key: 'Team', value: 'keyops' }],
    });
    expect(result.metadata).toMatchObject({
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      description: 'made by a test',
      origin: 'AWS_KMS',
      multiRegion: false,
    });
    expect(titles).toEqual([
      'Creating the key',
      'Creating the alias alias/test-create-symmetric',
      'Reading the new key back',
    ]);
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const sealed = await kms.send(
      new EncryptCommand({ KeyId: 'alias/test-create-symmetric', Plaintext: Buffer.from('hi') }),
    );
    expect(sealed.KeyId).toBe(result.metadata.arn);
    const detail = await keyDetail(keys, { ...PROD_E1, keyId: result.metadata.arn });
    expect(detail.tags).toEqual({ ok: true, value: [{ key: 'Team', value: 'keyops' }] });
    expect(detail.aliases.ok && detail.aliases.value.map((a) => a.aliasName)).toEqual([
      'alias/test-create-symmetric',
    ]);
  });

  it('creates RSA (encrypt and sign), ECC and HMAC keys that work for their usage', async () => {
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const rsa = await create({ keySpec: 'RSA_2048', keyUsage: 'ENCRYPT_DECRYPT' });
    expect(rsa.metadata.encryptionAlgorithms).toContain('RSAES_OAEP_SHA_256');
    const rsaSign = await create({ keySpec: 'RSA_3072', keyUsage: 'SIGN_VERIFY' });
    const ecc = await create({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' });
    for (const [key, algorithm] of [
      [rsaSign, 'RSASSA_PSS_SHA_256'],
      [ecc, 'ECDSA_SHA_256'],
    ] as const) {
      const signed = await kms.send(
        new SignCommand({
          KeyId: key.metadata.arn,
          Message: Buffer.from('m'),
          SigningAlgorithm: algorithm,
        }),
      );
      expect(signed.Signature?.length).toBeGreaterThan(0);
    }
    const hmac = await create({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });
    const mac = await kms.send(
      new GenerateMacCommand({
        KeyId: hmac.metadata.arn,
        Message: Buffer.from('m'),
        MacAlgorithm: 'HMAC_SHA_256',
      }),
    );
    expect(mac.Mac?.length).toBe(32);
    const detail = await keyDetail(keys, { ...PROD_E1, keyId: ecc.metadata.arn });
    expect(detail.publicKey.ok && detail.publicKey.value?.pem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n/,
    );
    expect(detail.rotation).toMatchObject({ ok: true, value: { supported: false } });
  });

  it('refuses a spec and usage AWS would refuse, before anything is sent', () => {
    const parsed = createKeyInput.safeParse({
      ...PROD_E1,
      keySpec: 'ECC_NIST_P256',
      keyUsage: 'ENCRYPT_DECRYPT',
    });
    expect(parsed.success).toBe(false);
    expect(createKeyInput.safeParse({ ...PROD_E1, origin: 'EXTERNAL' }).success).toBe(false);
  });

  it('imports generated 256-bit material (BYOK) with an expiry, and the key encrypts', async () => {
    const validTo = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { result, titles } = await createTracked({
      origin: 'EXTERNAL',
      importMaterial: {
        source: { kind: 'generate' },
        expiry: { model: 'KEY_MATERIAL_EXPIRES', validTo },
      },
    });
    expect(titles).toContain('Wrapping the key material and importing it');
    expect(result.metadata).toMatchObject({
      origin: 'EXTERNAL',
      keyState: 'Enabled',
      expirationModel: 'KEY_MATERIAL_EXPIRES',
    });
    expect(result.importedMaterial?.validTo).toBe(validTo);
    expect(await roundTrip(result.metadata.arn, 'x')).toBe('x');
  });

  it('imports material read from a file, and refuses a file of the wrong size', async () => {
    const good = join(dataDir, 'material.bin');
    writeFileSync(good, randomBytes(32));
    const bad = join(dataDir, 'material.hex');
    writeFileSync(bad, randomBytes(32).toString('hex'));
    const refused = await errorOf(
      create({
        origin: 'EXTERNAL',
        importMaterial: {
          source: { kind: 'file', path: bad },
          expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
        },
      }),
    );
    expect(refused.code).toBe('validation');
    expect(refused.message).toContain('64 bytes');
    const result = await create({
      origin: 'EXTERNAL',
      importMaterial: {
        source: { kind: 'file', path: good },
        expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
      },
    });
    expect(result.metadata).toMatchObject({
      keyState: 'Enabled',
      expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    });
  });

  it('creates a multi-Region key with a replica that decrypts the primary’s ciphertext', async () => {
    const result = await create({
      multiRegion: true,
      replicaRegions: ['eu-west-1'],
      description: 'mrk',
    });
    expect(result.metadata.keyId).toMatch(/^mrk-/);
    expect(result.replicas).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        arn: result.metadata.arn.replace('us-east-1', 'eu-west-1'),
      }),
    ]);
    expect(result.metadata.multiRegionConfiguration).toMatchObject({
      role: 'PRIMARY',
      replicas: [{ region: 'eu-west-1' }],
    });
    const replica = await describeKey(keys, {
      profileId: 'prod',
      region: 'eu-west-1',
      keyId: result.metadata.keyId,
    });
    expect(replica.multiRegionConfiguration?.role).toBe('REPLICA');
    expect(await roundTrip(result.metadata.arn, 'mr', 'eu-west-1')).toBe('mr');
  });

  it('imports the same material into the replicas of a multi-Region key with imported material', async () => {
    const { result, titles } = await createTracked({
      origin: 'EXTERNAL',
      multiRegion: true,
      replicaRegions: ['eu-west-1'],
      importMaterial: {
        source: { kind: 'generate' },
        expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
      },
    });
    expect(result.replicas).toEqual([
      expect.objectContaining({ region: 'eu-west-1', keyState: 'Enabled' }),
    ]);
    expect(titles).toContain('Wrapping the key material and importing it (eu-west-1)');
    expect(await roundTrip(result.metadata.arn, 'byok mr', 'eu-west-1')).toBe('byok mr');
  });

  it('refuses a policy that would lock the caller out, without creating anything', async () => {
    const lockout = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:user/someone-else' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    const error = await errorOf(create({ policy: lockout }));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('lock you out');
  });

  it('says what AWS answered when the caller may not create keys', async () => {
    const error = await errorOf(
      createKey(
        keys,
        createKeyInput.parse({ profileId: 'prod-developer', region: 'us-east-1' }),
        recordProgress(),
      ),
    );
    expect(error.code).toBe('access-denied');
    expect(error.aws).toMatchObject({
      code: 'AccessDeniedException',
      service: 'kms',
      operation: 'CreateKey',
    });
    expect(error.aws?.requestId).toBeTruthy();
  });
});
