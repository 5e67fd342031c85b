import { EncryptCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import type { ManualRotationPartial } from '../../src-shared/models/key-changes';
import { describeKey } from './describe-key';
import { kmsOf } from './key-context';
import { listAliases } from './key-lists';
import { rotateManually } from './manual-rotation';
import type { Progress } from './progress-steps';
import { PROD_E1, errorOf, recordProgress, useKeyOperations } from './testing/key-test-kit';

const { keys, newKey } = useKeyOperations();

/** Progress that cancels the run once `title` starts, and keeps the partials it carried. */
function cancellingAt(title: string): Progress & { readonly partials: ManualRotationPartial[] } {
  const controller = new AbortController();
  const partials: ManualRotationPartial[] = [];
  return {
    partials,
    signal: controller.signal,
    progress: (_step, _count, current, _value, _detail, partial) => {
      if (partial) partials.push(partial as ManualRotationPartial);
      if (current === title) controller.abort();
    },
  };
}

const aliasTargets = async (keyId: string) =>
  (await listAliases(await kmsOf(keys, 'prod', 'us-east-1'), keyId)).map((a) => a.aliasName);

describe('manual rotation: the old key checked before and after', () => {
  it('encrypts a probe with an imported-material key before and decrypts it after', async () => {
    const old = await newKey({
      origin: 'EXTERNAL',
      alias: 'alias/probe-byok',
      importMaterial: {
        source: { kind: 'generate' },
        expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
      },
    });
    const progress = recordProgress();
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, progress);
    expect(result.verification).toEqual({
      kind: 'decrypt',
      status: 'passed',
      message: 'Data encrypted under the old key still decrypts',
    });
    expect(progress.titles[0]).toBe('Using the old key once (decrypt) to check it afterwards');
    expect(result.oldKey.keyState).toBe('Enabled');
  }, 30_000);

  it('signs with an RSA key before and verifies with it after', async () => {
    const old = await newKey({
      keySpec: 'RSA_2048',
      keyUsage: 'SIGN_VERIFY',
      alias: 'alias/probe-rsa',
    });
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, recordProgress());
    expect(result.verification).toMatchObject({ kind: 'verify-signature', status: 'passed' });
    expect(await aliasTargets(result.newKey.keyId)).toEqual(['alias/probe-rsa']);
  });

  it('makes a MAC with an HMAC key before and verifies it after', async () => {
    const old = await newKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, recordProgress());
    expect(result.verification).toMatchObject({ kind: 'verify-mac', status: 'passed' });
  });

  it('decrypts RSA ciphertext with the old key named', async () => {
    const old = await newKey({ keySpec: 'RSA_2048', keyUsage: 'ENCRYPT_DECRYPT' });
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, recordProgress());
    expect(result.verification).toMatchObject({ kind: 'decrypt', status: 'passed' });
  });

  it('still checks before the old key’s deletion is scheduled', async () => {
    const old = await newKey();
    const result = await rotateManually(
      keys,
      { ...PROD_E1, keyId: old.arn },
      { scheduleOldKeyDeletionInDays: 30 },
      recordProgress(),
    );
    expect(result.verification?.status).toBe('passed');
    expect(result.oldKey.keyState).toBe('PendingDeletion');
  });

  it('says it could not check when the old key refuses the probe, and rotates anyway', async () => {
    const old = await newKey({ alias: 'alias/probe-disabled' });
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const { DisableKeyCommand } = await import('@aws-sdk/client-kms');
    await kms.send(new DisableKeyCommand({ KeyId: old.arn }));
    const result = await rotateManually(keys, { ...PROD_E1, keyId: old.arn }, {}, recordProgress());
    expect(result.verification?.status).toBe('not-checked');
    expect(result.verification?.message).toContain('could not encrypt a probe with the old key');
    expect(await aliasTargets(result.newKey.keyId)).toEqual(['alias/probe-disabled']);
  });
});

describe('manual rotation: finishing a run that stopped part-way', () => {
  it('resumes from the new key: no second key, only the aliases left are moved', async () => {
    const old = await newKey({ alias: 'alias/resume-a' });
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const { CreateAliasCommand } = await import('@aws-sdk/client-kms');
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/resume-b', TargetKeyId: old.keyId }));
    const ref = { ...PROD_E1, keyId: old.arn };

    const first = cancellingAt('Creating the new key');
    const stopped = await errorOf(rotateManually(keys, ref, {}, first));
    const partial = first.partials.at(-1);
    expect(stopped.message).toContain(`The new key ${partial?.newKeyArn} was created`);
    expect(partial?.aliasesMoved).toEqual([]);
    const newArn = partial?.newKeyArn ?? '';
    expect(await aliasTargets(old.keyId)).toEqual(['alias/resume-a', 'alias/resume-b']);

    const second = recordProgress();
    const result = await rotateManually(keys, ref, { resumeNewKeyId: newArn }, second);
    expect(second.titles).not.toContain('Creating the new key');
    expect(result.newKey.arn).toBe(newArn);
    expect(await aliasTargets(old.keyId)).toEqual([]);
    expect(await aliasTargets(newArn)).toEqual(['alias/resume-a', 'alias/resume-b']);
    const sealed = await kms.send(
      new EncryptCommand({ KeyId: 'alias/resume-b', Plaintext: Buffer.from('x') }),
    );
    expect(sealed.KeyId).toBe(newArn);
    expect((await describeKey(keys, ref)).keyState).toBe('Enabled');
  });

  it('skips the aliases already moved when resumed after one of them', async () => {
    const old = await newKey({ alias: 'alias/resume-c' });
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const { CreateAliasCommand } = await import('@aws-sdk/client-kms');
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/resume-d', TargetKeyId: old.keyId }));
    const ref = { ...PROD_E1, keyId: old.arn };
    const first = cancellingAt('Re-pointing alias/resume-c to the new key');
    await errorOf(rotateManually(keys, ref, {}, first));
    const partial = first.partials.at(-1);
    expect(partial?.aliasesMoved).toEqual(['alias/resume-c']);

    const second = recordProgress();
    const result = await rotateManually(
      keys,
      ref,
      { resumeNewKeyId: partial?.newKeyArn ?? '' },
      second,
    );
    expect([...new Set(second.titles)].filter((t) => t.startsWith('Re-pointing'))).toEqual([
      'Re-pointing alias/resume-d to the new key',
    ]);
    expect(result.aliases).toEqual(['alias/resume-c', 'alias/resume-d']);
  });

  it('refuses to resume with a key of another kind, or with the old key itself', async () => {
    const old = await newKey();
    const rsa = await newKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });
    const ref = { ...PROD_E1, keyId: old.arn };
    const other = await errorOf(
      rotateManually(keys, ref, { resumeNewKeyId: rsa.arn }, recordProgress()),
    );
    expect(other.message).toContain('is a RSA_2048 key for SIGN_VERIFY');
    const itself = await errorOf(
      rotateManually(keys, ref, { resumeNewKeyId: old.keyId }, recordProgress()),
    );
    expect(itself.message).toContain('is the key being rotated');
  });
});
