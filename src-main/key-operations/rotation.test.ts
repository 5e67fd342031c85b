import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { kmsOf } from './key-context';
import { keyDetail, readPolicy } from './key-detail';
import { listTags } from './key-lists';
import { disableRotation, enableRotation, rotateNow } from './key-rotation';
import { rotateManually } from './manual-rotation';
import {
  PROD_E1,
  recordProgress,
  useKeyOperations,
  errorOf,
  DAY_MS as DAY,
} from './testing/key-test-kit';

const { keys, newKey } = useKeyOperations();

describe('rotation', () => {
  it('turns rotation on with a period and off, rotates now, and lists the history', async () => {
    const key = await newKey();
    const ref = { ...PROD_E1, keyId: key.arn };
    const on = (await enableRotation(keys, ref, 90)).rotation;
    expect(on).toMatchObject({ supported: true, enabled: true, periodDays: 90 });
    expect(Math.round((Date.parse(on.nextRotationDate ?? '') - Date.now()) / DAY)).toBe(90);
    expect((await disableRotation(keys, ref)).rotation).toMatchObject({
      enabled: false,
      periodDays: null,
    });
    const now = await rotateNow(keys, ref);
    expect(now.keyId).toBe(key.arn);
    const detail = await keyDetail(keys, ref);
    expect(detail.rotations.ok && detail.rotations.value).toEqual([
      expect.objectContaining({
        rotationType: 'ON_DEMAND',
        keyMaterialId: detail.metadata.currentKeyMaterialId,
      }),
    ]);
    expect(detail.metadata.currentKeyMaterialId).not.toBe(key.currentKeyMaterialId);
  });

  it('says why asymmetric keys cannot rotate automatically', async () => {
    const rsa = await newKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });
    const error = await errorOf(enableRotation(keys, { ...PROD_E1, keyId: rsa.arn }, 365));
    expect(error.code).toBe('invalid-state');
    expect(error.message).toContain('rotate them by hand');
  });
});

describe('manual rotation', () => {
  it('makes a like key, re-points the alias, keeps the old key: old ciphertext still decrypts', async () => {
    const old = await newKey({
      alias: 'alias/manual-rotation',
      description: 'rotated by hand',
      tags: [{ key: 'Team', value: 'keyops' }],
    });
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const before = await kms.send(
      new EncryptCommand({ KeyId: 'alias/manual-rotation', Plaintext: Buffer.from('old secret') }),
    );
    expect(before.KeyId).toBe(old.arn);

    const progress = recordProgress();
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, progress);
    expect(result.aliases).toEqual(['alias/manual-rotation']);
    expect(result.oldKey).toMatchObject({ arn: old.arn, keyState: 'Enabled' });
    expect(result.newKey).toMatchObject({
      keySpec: old.keySpec,
      keyUsage: old.keyUsage,
      description: 'rotated by hand',
      keyState: 'Enabled',
    });
    expect(result.newKey.arn).not.toBe(old.arn);
    expect(progress.titles).toContain('Re-pointing alias/manual-rotation to the new key');
    expect(await listTags(kms, result.newKey.arn)).toEqual([{ key: 'Team', value: 'keyops' }]);
    expect(await readPolicy(kms, result.newKey.arn)).toBe(await readPolicy(kms, old.arn));

    const opened = await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
    expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('old secret');
    expect(opened.KeyId).toBe(old.arn);
    const after = await kms.send(
      new EncryptCommand({ KeyId: 'alias/manual-rotation', Plaintext: Buffer.from('new secret') }),
    );
    expect(after.KeyId).toBe(result.newKey.arn);
  });

  it('gives a multi-Region key’s successor the same replica Regions', async () => {
    const old = await newKey({ multiRegion: true, replicaRegions: ['eu-west-1'] });
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, recordProgress());
    expect(result.newKey.multiRegionConfiguration?.replicas.map((r) => r.region)).toEqual([
      'eu-west-1',
    ]);
  });

  it('rotates an imported-material key by hand and can schedule the old key’s deletion', async () => {
    const old = await newKey({
      origin: 'EXTERNAL',
      alias: 'alias/manual-byok',
      importMaterial: {
        source: { kind: 'generate' },
        expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
      },
    });
    const result = await rotateManually(
      keys,
      { ...PROD_E1, keyId: old.arn },
      { scheduleOldKeyDeletionInDays: 7 },
      recordProgress(),
    );
    expect(result.newKey).toMatchObject({ origin: 'EXTERNAL', keyState: 'Enabled' });
    expect(result.oldKey.keyState).toBe('PendingDeletion');
    expect(Math.round((Date.parse(result.oldKeyDeletionDate ?? '') - Date.now()) / DAY)).toBe(7);
  }, 30_000);
});
