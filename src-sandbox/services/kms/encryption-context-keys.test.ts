import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  ListGrantsCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

/** A context key named like an Object.prototype member, as JSON.parse makes it: an own key. */
const protoContext = (): Record<string, string> =>
  JSON.parse('{"__proto__":"tenant-a","purpose":"backup"}') as Record<string, string>;

describe('encryption context keys named like Object.prototype members', () => {
  it('binds the ciphertext to a __proto__ key: decrypting without it, or with another value, fails', async () => {
    const { CiphertextBlob } = await kit.kms().send(
      new EncryptCommand({
        KeyId: 'alias/app-data',
        Plaintext: Buffer.from('secret'),
        EncryptionContext: protoContext(),
      }),
    );
    const decrypt = (EncryptionContext: Record<string, string>) =>
      kit.kms().send(new DecryptCommand({ CiphertextBlob, EncryptionContext }));
    expect(Buffer.from((await decrypt(protoContext())).Plaintext ?? []).toString()).toBe('secret');
    expect((await errorOf(decrypt({ purpose: 'backup' }))).name).toBe('InvalidCiphertextException');
    const other = JSON.parse('{"__proto__":"tenant-b","purpose":"backup"}') as Record<
      string,
      string
    >;
    expect((await errorOf(decrypt(other))).name).toBe('InvalidCiphertextException');
  });

  it('keeps a __proto__ key in a grant constraint', async () => {
    const keyId = (await kit.kms().send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const grant = await kit.kms().send(
      new CreateGrantCommand({
        KeyId: keyId,
        GranteePrincipal: 'arn:aws:iam::111111111111:role/app',
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextEquals: protoContext() },
      }),
    );
    const listed = await kit
      .kms()
      .send(new ListGrantsCommand({ KeyId: keyId, GrantId: grant.GrantId }));
    const constraint = listed.Grants?.[0]?.Constraints?.EncryptionContextEquals ?? {};
    expect(Object.keys(constraint).sort()).toEqual(['__proto__', 'purpose']);
  });
});
