import {
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ReplicateKeyCommand,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

const P = '111111111111';

async function wrapFor(KeyId: string, material: Buffer) {
  const params = await kit.kms().send(
    new GetParametersForImportCommand({
      KeyId,
      WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      WrappingKeySpec: 'RSA_2048',
    }),
  );
  const publicKey = createPublicKey({
    key: Buffer.from(params.PublicKey ?? []),
    format: 'der',
    type: 'spki',
  });
  const wrapped = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    material,
  );
  return { params, wrapped };
}

describe('imported key material', () => {
  it('imports a wrapped 32-byte key, enabling the key; deleting it returns to PendingImport', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const KeyId = m?.KeyId ?? '';
    const material = randomBytes(32);
    const { params, wrapped } = await wrapFor(KeyId, material);
    expect(params.KeyId).toBe(m?.Arn);
    expect(params.ParametersValidTo?.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const imported = await kit.kms().send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    expect(imported.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata).toMatchObject({
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'EXTERNAL',
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    });
    const { CiphertextBlob } = await kit
      .kms()
      .send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('byok') }));
    await kit.kms().send(new DeleteImportedKeyMaterialCommand({ KeyId }));
    const after = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(after.KeyMetadata?.KeyState).toBe('PendingImport');
    const pending = await errorOf(kit.kms().send(new DecryptCommand({ CiphertextBlob })));
    expect(pending).toEqual({
      name: 'KMSInvalidStateException',
      message: `${m?.Arn} is pending import.`,
    });
    // Re-importing the same material brings the key (and old ciphertext) back.
    const again = await wrapFor(KeyId, material);
    await kit.kms().send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken: again.params.ImportToken,
        EncryptedKeyMaterial: again.wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    const plain = await kit.kms().send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(plain.Plaintext ?? []).toString()).toBe('byok');
    // Different material is refused.
    const other = await wrapFor(KeyId, randomBytes(32));
    const wrong = await errorOf(
      kit.kms().send(
        new ImportKeyMaterialCommand({
          KeyId,
          ImportToken: other.params.ImportToken,
          EncryptedKeyMaterial: other.wrapped,
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      ),
    );
    expect(wrong.name).toBe('IncorrectKeyMaterialException');
  });

  it('checks tokens, expiry settings and origin', async () => {
    const a =
      (await kit.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata?.KeyId ?? '';
    const b =
      (await kit.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata?.KeyId ?? '';
    const { params, wrapped } = await wrapFor(a, randomBytes(32));
    const foreign = await errorOf(
      kit.kms().send(
        new ImportKeyMaterialCommand({
          KeyId: b,
          ImportToken: params.ImportToken,
          EncryptedKeyMaterial: wrapped,
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      ),
    );
    expect(foreign.name).toBe('InvalidImportTokenException');
    const noValidTo = await errorOf(
      kit.kms().send(
        new ImportKeyMaterialCommand({
          KeyId: a,
          ImportToken: params.ImportToken,
          EncryptedKeyMaterial: wrapped,
        }),
      ),
    );
    expect(noValidTo.name).toBe('ValidationException');
    const garbage = await errorOf(
      kit.kms().send(
        new ImportKeyMaterialCommand({
          KeyId: a,
          ImportToken: params.ImportToken,
          EncryptedKeyMaterial: randomBytes(256),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      ),
    );
    expect(garbage.name).toBe('InvalidCiphertextException');
    await kit.kms().send(
      new ImportKeyMaterialCommand({
        KeyId: a,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapped,
        ValidTo: new Date(Date.now() + 10 * 86_400_000),
      }),
    );
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: a }));
    expect(d.KeyMetadata).toMatchObject({
      ExpirationModel: 'KEY_MATERIAL_EXPIRES',
      KeyState: 'Enabled',
    });
    expect(d.KeyMetadata?.ValidTo).toBeInstanceOf(Date);
    const own = (await kit.kms().send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const notExternal = await errorOf(
      kit.kms().send(
        new GetParametersForImportCommand({
          KeyId: own,
          WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
          WrappingKeySpec: 'RSA_2048',
        }),
      ),
    );
    expect(notExternal.name).toBe('UnsupportedOperationException');
  });

  it('seeds byok-import Enabled with imported material', async () => {
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: demoKey('byok-import').keyId }));
    expect(d.KeyMetadata).toMatchObject({ KeyState: 'Enabled', Origin: 'EXTERNAL' });
  });
});

describe('multi-Region keys', () => {
  it('replicates a primary and decrypts its ciphertext in the replica Region', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({ MultiRegion: true }));
    const KeyId = m?.KeyId ?? '';
    const r = await kit.kms().send(
      new ReplicateKeyCommand({
        KeyId,
        ReplicaRegion: 'eu-west-1',
        Description: 'copy',
        Tags: [{ TagKey: 'a', TagValue: 'b' }],
      }),
    );
    expect(r.ReplicaKeyMetadata).toMatchObject({
      KeyId,
      Arn: `arn:aws:kms:eu-west-1:${P}:key/${KeyId}`,
      KeyState: 'Creating',
      Description: 'copy',
    });
    expect(r.ReplicaTags).toEqual([{ TagKey: 'a', TagValue: 'b' }]);
    expect(r.ReplicaPolicy).toContain('"Enable IAM User Permissions"');
    const eu = kit.kms('prod', 'eu-west-1');
    const replica = await eu.send(new DescribeKeyCommand({ KeyId }));
    expect(replica.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('REPLICA');
    expect(replica.KeyMetadata?.KeyState).toBe('Enabled');
    const primary = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(primary.KeyMetadata?.MultiRegionConfiguration?.ReplicaKeys).toEqual([
      { Arn: `arn:aws:kms:eu-west-1:${P}:key/${KeyId}`, Region: 'eu-west-1' },
    ]);
    const { CiphertextBlob } = await kit
      .kms()
      .send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('orders') }));
    const plain = await eu.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(plain.Plaintext ?? []).toString()).toBe('orders');
    const dup = await errorOf(
      kit.kms().send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'eu-west-1' })),
    );
    expect(dup.name).toBe('AlreadyExistsException');
    const fromReplica = await errorOf(
      eu.send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'us-west-2' })),
    );
    expect(fromReplica.name).toBe('UnsupportedOperationException');
    const single = (await kit.kms().send(new CreateKeyCommand({}))).KeyMetadata?.KeyId;
    const notMrk = await errorOf(
      kit.kms().send(new ReplicateKeyCommand({ KeyId: single, ReplicaRegion: 'eu-west-1' })),
    );
    expect(notMrk.name).toBe('UnsupportedOperationException');

    await kit.kms().send(new UpdatePrimaryRegionCommand({ KeyId, PrimaryRegion: 'eu-west-1' }));
    const swapped = await eu.send(new DescribeKeyCommand({ KeyId }));
    expect(swapped.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
    const old = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(old.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('REPLICA');
  });

  it('seeds global-orders with replicas sharing its material', async () => {
    const key = demoKey('global-orders');
    const { CiphertextBlob } = await kit
      .kms()
      .send(new EncryptCommand({ KeyId: key.keyId, Plaintext: Buffer.from('x') }));
    for (const region of ['eu-west-1', 'ap-southeast-2']) {
      const plain = await kit.kms('prod', region).send(new DecryptCommand({ CiphertextBlob }));
      expect(Buffer.from(plain.Plaintext ?? []).toString()).toBe('x');
    }
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: 'alias/global-orders' }));
    expect(
      d.KeyMetadata?.MultiRegionConfiguration?.ReplicaKeys?.map((k) => k.Region).sort(),
    ).toEqual(['ap-southeast-2', 'eu-west-1']);
  });
});
