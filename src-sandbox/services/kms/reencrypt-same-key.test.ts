import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

const P = '111111111111';
let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

/** Key policy: the account may do anything, except re-encrypt onto the same key. */
const NO_SAME_KEY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Root',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${P}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'NoReEncryptOnSameKey',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:ReEncrypt*',
      Resource: '*',
      Condition: { Bool: { 'kms:ReEncryptOnSameKey': 'true' } },
    },
  ],
});

describe('kms:ReEncryptOnSameKey', () => {
  it('is true when ReEncrypt keeps the key and false when it changes it', async () => {
    const kms = kit.kms('prod');
    const guarded = (await kms.send(new CreateKeyCommand({ Policy: NO_SAME_KEY_POLICY })))
      .KeyMetadata?.Arn;
    const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn;
    const blob = (
      await kms.send(new EncryptCommand({ KeyId: guarded, Plaintext: Buffer.from('secret') }))
    ).CiphertextBlob;

    const same = await errorOf(
      kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: guarded })),
    );
    expect(same.name).toBe('AccessDeniedException');
    expect(same.message).toContain('kms:ReEncryptFrom');

    const moved = await kms.send(
      new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: other }),
    );
    expect(moved.KeyId).toBe(other);
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext ?? []).toString()).toBe('secret');
  });
});
