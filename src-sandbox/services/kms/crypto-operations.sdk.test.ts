import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
  KMSClient,
  ReEncryptCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type CreateKeyCommandInput,
} from '@aws-sdk/client-kms';
import { constants, createPublicKey, publicEncrypt, verify as nodeVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliFor } from '../../testing/aws-cli';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';
import { SERVICES } from '../index';

/** The data-plane operations through the real SDK over HTTP (needs the KMS service registered). */
const kmsRegistered = SERVICES.some((s) => s.name === 'kms');
if (!kmsRegistered) console.log('KMS SDK tests skipped: the kms service is not registered yet');

let t: TestSandbox;
const kms = (profile = 'prod') => new KMSClient(t.client(profile));
const keys: Record<string, string> = {};

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as { name: string }).name;
  }
  return 'no error';
}

async function createKey(input: CreateKeyCommandInput): Promise<string> {
  const out = await kms().send(new CreateKeyCommand(input));
  return out.KeyMetadata?.Arn ?? '';
}

describe.runIf(kmsRegistered)('KMS crypto operations via @aws-sdk/client-kms', () => {
  beforeAll(async () => {
    t = await startTestSandbox();
    keys.sym = await createKey({});
    keys.sym2 = await createKey({ Description: 'second' });
    keys.rsa = await createKey({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    keys.ecc = await createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    keys.hmac = await createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('Encrypt → Decrypt (no KeyId) with context; wrong context → InvalidCiphertextException', async () => {
    const EncryptionContext = { app: 'keyward', purpose: 'sdk-test' };
    const enc = await kms().send(
      new EncryptCommand({
        KeyId: keys.sym,
        Plaintext: Buffer.from('hello kms'),
        EncryptionContext,
      }),
    );
    expect(enc.KeyId).toBe(keys.sym);
    expect(enc.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const dec = await kms().send(
      new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext }),
    );
    expect(Buffer.from(dec.Plaintext ?? []).toString()).toBe('hello kms');
    expect(dec.KeyId).toBe(keys.sym);
    expect(
      await errorOf(
        kms().send(
          new DecryptCommand({
            CiphertextBlob: enc.CiphertextBlob,
            EncryptionContext: { app: 'other' },
          }),
        ),
      ),
    ).toBe('InvalidCiphertextException');
    expect(
      await errorOf(
        kms().send(
          new DecryptCommand({
            CiphertextBlob: enc.CiphertextBlob,
            KeyId: keys.sym2,
            EncryptionContext,
          }),
        ),
      ),
    ).toBe('IncorrectKeyException');
    const re = await kms().send(
      new ReEncryptCommand({
        CiphertextBlob: enc.CiphertextBlob,
        SourceEncryptionContext: EncryptionContext,
        DestinationKeyId: keys.sym2,
      }),
    );
    expect(re.SourceKeyId).toBe(keys.sym);
    expect(re.KeyId).toBe(keys.sym2);
    const back = await kms().send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('hello kms');
    expect(
      await errorOf(
        kms().send(
          new EncryptCommand({ KeyId: keys.sym, Plaintext: Buffer.from('x'), DryRun: true }),
        ),
      ),
    ).toBe('DryRunOperationException');
  });

  it('data keys, data key pairs and random bytes', async () => {
    const dk = await kms().send(
      new GenerateDataKeyCommand({ KeyId: keys.sym, KeySpec: 'AES_256' }),
    );
    expect(dk.Plaintext).toHaveLength(32);
    const dec = await kms().send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    expect(Buffer.from(dec.Plaintext ?? [])).toEqual(Buffer.from(dk.Plaintext ?? []));
    const wp = await kms().send(
      new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keys.sym, NumberOfBytes: 16 }),
    );
    expect(wp.CiphertextBlob?.length).toBeGreaterThan(16);
    const pair = await kms().send(
      new GenerateDataKeyPairCommand({ KeyId: keys.sym, KeyPairSpec: 'ECC_NIST_P384' }),
    );
    expect(pair.PrivateKeyPlaintext?.length).toBeGreaterThan(0);
    const np = await kms().send(
      new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: keys.sym, KeyPairSpec: 'RSA_2048' }),
    );
    expect(np.PublicKey?.length).toBeGreaterThan(0);
    const random = await kms().send(new GenerateRandomCommand({ NumberOfBytes: 64 }));
    expect(random.Plaintext).toHaveLength(64);
    expect(
      await errorOf(
        kms().send(new GenerateDataKeyCommand({ KeyId: keys.rsa, KeySpec: 'AES_256' })),
      ),
    ).toBe('InvalidKeyUsageException');
  });

  it('RSA-OAEP: data encrypted outside KMS with GetPublicKey decrypts', async () => {
    const pub = await kms().send(new GetPublicKeyCommand({ KeyId: keys.rsa }));
    expect(pub.EncryptionAlgorithms).toEqual(['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']);
    const key = createPublicKey({
      key: Buffer.from(pub.PublicKey ?? []),
      format: 'der',
      type: 'spki',
    });
    const ct = publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from('outside'),
    );
    const dec = await kms().send(
      new DecryptCommand({
        KeyId: keys.rsa,
        CiphertextBlob: ct,
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    expect(Buffer.from(dec.Plaintext ?? []).toString()).toBe('outside');
  });

  it('Sign/Verify (ECDSA) verifiable with node:crypto; errors', async () => {
    const message = Buffer.from('sign this');
    const signed = await kms().send(
      new SignCommand({ KeyId: keys.ecc, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    const pub = await kms().send(new GetPublicKeyCommand({ KeyId: keys.ecc }));
    const key = createPublicKey({
      key: Buffer.from(pub.PublicKey ?? []),
      format: 'der',
      type: 'spki',
    });
    expect(nodeVerify('sha256', message, key, Buffer.from(signed.Signature ?? []))).toBe(true);
    const ok = await kms().send(
      new VerifyCommand({
        KeyId: keys.ecc,
        Message: message,
        Signature: signed.Signature,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(ok.SignatureValid).toBe(true);
    expect(
      await errorOf(
        kms().send(
          new VerifyCommand({
            KeyId: keys.ecc,
            Message: Buffer.from('x'),
            Signature: signed.Signature,
            SigningAlgorithm: 'ECDSA_SHA_256',
          }),
        ),
      ),
    ).toBe('KMSInvalidSignatureException');
    expect(
      await errorOf(
        kms().send(
          new SignCommand({
            KeyId: keys.rsa,
            Message: message,
            SigningAlgorithm: 'RSASSA_PSS_SHA_256',
          }),
        ),
      ),
    ).toBe('InvalidKeyUsageException');
  });

  it('GenerateMac/VerifyMac', async () => {
    const mac = await kms().send(
      new GenerateMacCommand({
        KeyId: keys.hmac,
        Message: Buffer.from('m'),
        MacAlgorithm: 'HMAC_SHA_256',
      }),
    );
    expect(mac.Mac).toHaveLength(32);
    const ok = await kms().send(
      new VerifyMacCommand({
        KeyId: keys.hmac,
        Message: Buffer.from('m'),
        MacAlgorithm: 'HMAC_SHA_256',
        Mac: mac.Mac,
      }),
    );
    expect(ok.MacValid).toBe(true);
    expect(
      await errorOf(
        kms().send(
          new VerifyMacCommand({
            KeyId: keys.hmac,
            Message: Buffer.from('n'),
            MacAlgorithm: 'HMAC_SHA_256',
            Mac: mac.Mac,
          }),
        ),
      ),
    ).toBe('KMSInvalidMacException');
  });

  it('prod-developer may encrypt but not decrypt; a disabled key refuses', async () => {
    const enc = await kms('prod-developer').send(
      new EncryptCommand({ KeyId: keys.sym2, Plaintext: Buffer.from('dev') }),
    );
    expect(
      await errorOf(
        kms('prod-developer').send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob })),
      ),
    ).toBe('AccessDeniedException');
    const disabled = await createKey({});
    await kms().send(new DisableKeyCommand({ KeyId: disabled }));
    expect(
      await errorOf(
        kms().send(new EncryptCommand({ KeyId: disabled, Plaintext: Buffer.from('x') })),
      ),
    ).toBe('DisabledException');
  });

  it('CloudTrail records crypto calls without plaintext or ciphertext', async () => {
    const secret = 'do-not-log-this-plaintext';
    await kms().send(
      new EncryptCommand({
        KeyId: keys.sym,
        Plaintext: Buffer.from(secret),
        EncryptionContext: { k: 'v' },
      }),
    );
    const trail = new CloudTrailClient(t.client('prod'));
    const events = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Encrypt' }],
      }),
    );
    const records = (events.Events ?? []).map(
      (e) => JSON.parse(e.CloudTrailEvent ?? '{}') as Record<string, unknown>,
    );
    const record = records.find((r) => JSON.stringify(r.requestParameters).includes('"k":"v"'));
    expect(record).toBeDefined();
    expect(record?.requestParameters).toEqual({
      keyId: keys.sym,
      encryptionContext: { k: 'v' },
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    expect(record?.responseElements).toBeNull();
    const all = JSON.stringify(records);
    expect(all).not.toContain(Buffer.from(secret).toString('base64'));
    expect(all).not.toContain(secret);
  });

  it('AWS CLI: encrypt → decrypt and sign → verify', { timeout: 60_000 }, async () => {
    const cli = await awsCliFor(t);
    if (!cli) {
      console.log('skipping AWS CLI test: aws CLI not available');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'kms-cli-'));
    const aws = async (...args: string[]) =>
      JSON.parse(
        await cli([
          '--profile',
          'prod',
          '--region',
          'us-east-1',
          '--output',
          'json',
          'kms',
          ...args,
        ]),
      ) as Record<string, string | boolean>;
    try {
      writeFileSync(join(dir, 'plain.txt'), 'from the cli');
      const enc = await aws(
        'encrypt',
        '--key-id',
        keys.sym ?? '',
        '--plaintext',
        `fileb://${join(dir, 'plain.txt')}`,
        '--encryption-context',
        'purpose=cli',
      );
      writeFileSync(join(dir, 'blob.bin'), Buffer.from(String(enc.CiphertextBlob), 'base64'));
      const dec = await aws(
        'decrypt',
        '--ciphertext-blob',
        `fileb://${join(dir, 'blob.bin')}`,
        '--encryption-context',
        'purpose=cli',
      );
      expect(Buffer.from(String(dec.Plaintext), 'base64').toString()).toBe('from the cli');
      const signed = await aws(
        'sign',
        '--key-id',
        keys.ecc ?? '',
        '--message',
        `fileb://${join(dir, 'plain.txt')}`,
        '--signing-algorithm',
        'ECDSA_SHA_256',
      );
      writeFileSync(join(dir, 'sig.bin'), Buffer.from(String(signed.Signature), 'base64'));
      const verified = await aws(
        'verify',
        '--key-id',
        keys.ecc ?? '',
        '--message',
        `fileb://${join(dir, 'plain.txt')}`,
        '--signature',
        `fileb://${join(dir, 'sig.bin')}`,
        '--signing-algorithm',
        'ECDSA_SHA_256',
      );
      expect(verified.SignatureValid).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
