import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey } from '../../seed/demo-keys';
import { jsonTarget, sendSigned, type RawReply } from '../../testing/signed-request';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

/** A raw KMS call: the SDK always encodes blobs correctly, so bad base64 needs a hand-made body. */
const kms = (operation: string, body: object): Promise<RawReply> =>
  sendSigned(t, {
    service: 'kms',
    headers: jsonTarget(`TrentService.${operation}`),
    body: JSON.stringify(body),
  });

const errorType = (reply: RawReply) => (JSON.parse(reply.body) as { __type?: string }).__type;

const HELLO = Buffer.from('hello').toString('base64');

/** Not base64 as AWS reads it: wrong alphabet, missing or misplaced padding, stray characters. */
const NOT_BASE64 = [
  '!!notbase64',
  'aGVsbG8',
  'aGVsbG8==',
  '=aGVsbG8',
  'aGVs bG8=',
  'aGVsbG8=\n',
  'aGV-bG8_',
  'aGVsbG8=aGVs',
];

describe('KMS blob members that are not valid base64', () => {
  it.each(NOT_BASE64)(
    'are a SerializationException (400) for Encrypt Plaintext %j',
    async (bad) => {
      const reply = await kms('Encrypt', { KeyId: 'alias/app-data', Plaintext: bad });
      expect([reply.status, errorType(reply)]).toEqual([400, 'SerializationException']);
      expect(reply.body).not.toContain(bad);
    },
  );

  it('are refused in every data-plane blob member', async () => {
    const calls: [string, object][] = [
      ['Decrypt', { CiphertextBlob: '!!notbase64' }],
      ['ReEncrypt', { CiphertextBlob: '!!notbase64', DestinationKeyId: 'alias/app-data' }],
      [
        'Sign',
        { KeyId: 'alias/code-signing', Message: '!!', SigningAlgorithm: 'RSASSA_PSS_SHA_256' },
      ],
      [
        'Verify',
        {
          KeyId: 'alias/code-signing',
          Message: HELLO,
          Signature: 'no-pad',
          SigningAlgorithm: 'RSASSA_PSS_SHA_256',
        },
      ],
      [
        'GenerateMac',
        { KeyId: 'alias/webhook-signing', Message: '!!', MacAlgorithm: 'HMAC_SHA_256' },
      ],
      [
        'VerifyMac',
        {
          KeyId: 'alias/webhook-signing',
          Message: HELLO,
          Mac: 'aGVsbG8',
          MacAlgorithm: 'HMAC_SHA_256',
        },
      ],
    ];
    for (const [operation, body] of calls) {
      const reply = await kms(operation, body);
      expect([operation, reply.status, errorType(reply)]).toEqual([
        operation,
        400,
        'SerializationException',
      ]);
    }
  });

  it('are refused in ImportKeyMaterial (ImportToken and EncryptedKeyMaterial)', async () => {
    const KeyId = demoKey('byok-import').keyId;
    const base = {
      KeyId,
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      ImportToken: HELLO,
      EncryptedKeyMaterial: HELLO,
    };
    for (const member of ['ImportToken', 'EncryptedKeyMaterial']) {
      const reply = await kms('ImportKeyMaterial', { ...base, [member]: '!!notbase64' });
      expect([member, reply.status, errorType(reply)]).toEqual([
        member,
        400,
        'SerializationException',
      ]);
    }
  });

  it('still accepts canonical base64, and an empty blob is a length ValidationException', async () => {
    const ok = await kms('Encrypt', { KeyId: 'alias/app-data', Plaintext: HELLO });
    expect(ok.status).toBe(200);
    const empty = await kms('Encrypt', { KeyId: 'alias/app-data', Plaintext: '' });
    expect([empty.status, errorType(empty)]).toEqual([400, 'ValidationException']);
  });
});
