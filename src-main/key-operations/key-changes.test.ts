import { describe, expect, it } from 'vitest';
import { createAlias, deleteAlias, updateAlias, aliasesOfKey } from './key-aliases';
import { describeKey } from './describe-key';
import { createGrant, retireGrant, revokeGrant } from './key-grants';
import { listGrants, listTags } from './key-lists';
import { kmsOf } from './key-context';
import {
  cancelDeletion,
  disableKey,
  enableKey,
  scheduleDeletion,
  updateDescription,
} from './key-lifecycle';
import { tagKey, untagKey } from './key-tags';
import { replicateKey, updatePrimaryRegion } from './multi-region';
import { PROD_E1, useKeyOperations, errorOf, DAY_MS as DAY } from './testing/key-test-kit';

const { keys, newKey } = useKeyOperations();

describe('key lifecycle', () => {
  it('disables and enables; schedules deletion (30 days by default) and cancels it to Disabled', async () => {
    const key = await newKey();
    const ref = { ...PROD_E1, keyId: key.arn };
    expect((await disableKey(keys, ref)).metadata.keyState).toBe('Disabled');
    expect((await enableKey(keys, ref)).metadata.keyState).toBe('Enabled');
    const scheduled = await scheduleDeletion(keys, ref, 30);
    expect(scheduled.keyState).toBe('PendingDeletion');
    const days = (Date.parse(scheduled.deletionDate ?? '') - Date.now()) / DAY;
    expect(Math.round(days)).toBe(30);
    expect(scheduled.message).toContain(scheduled.deletionDate);
    const cancelled = await cancelDeletion(keys, ref);
    expect(cancelled.keyState).toBe('Disabled');
    expect(cancelled.message).toMatch(/now Disabled/);
    expect((await describeKey(keys, ref)).keyState).toBe('Disabled');
    const again = await errorOf(cancelDeletion(keys, ref));
    expect(again).toMatchObject({
      code: 'invalid-state',
      aws: { code: 'KMSInvalidStateException' },
    });
    expect(again.message).toContain('is not pending deletion');
    expect(again.hint).toContain('cancel a scheduled deletion');
    expect(again.aws?.requestId).toBeTruthy();
  });

  it('refuses changes to an AWS managed key locally, saying what AWS would refuse', async () => {
    const managed = await describeKey(keys, { ...PROD_E1, keyId: 'alias/aws/ebs' });
    expect(managed.keyManager).toBe('AWS');
    const ref = { ...PROD_E1, keyId: managed.arn };
    for (const change of [
      disableKey(keys, ref),
      scheduleDeletion(keys, ref, 7),
      tagKey(keys, ref, [{ key: 'a', value: 'b' }]),
    ]) {
      const error = await errorOf(change);
      expect(error.code).toBe('access-denied');
      expect(error.message).toContain('AWS managed key');
      expect(error.aws).toBeUndefined();
    }
  });

  it('creates, re-points and deletes aliases; changes the description; adds and removes tags', async () => {
    const first = await newKey();
    const second = await newKey();
    const alias = { ...PROD_E1, aliasName: 'alias/test-lifecycle' };
    await createAlias(keys, { ...alias, keyId: first.arn });
    expect(
      (await aliasesOfKey(keys, { ...PROD_E1, keyId: first.arn })).aliases.map((a) => a.aliasName),
    ).toEqual(['alias/test-lifecycle']);
    expect((await updateAlias(keys, { ...alias, keyId: second.arn })).targetKeyId).toBe(second.arn);
    expect((await aliasesOfKey(keys, { ...PROD_E1, keyId: first.arn })).aliases).toEqual([]);
    const taken = await errorOf(createAlias(keys, { ...alias, keyId: first.arn }));
    expect(taken).toMatchObject({ code: 'conflict', aws: { code: 'AlreadyExistsException' } });
    expect(taken.hint).toContain('re-point the existing alias');
    await deleteAlias(keys, alias);
    expect((await aliasesOfKey(keys, { ...PROD_E1, keyId: second.arn })).aliases).toEqual([]);

    const ref = { ...PROD_E1, keyId: first.arn };
    expect((await updateDescription(keys, ref, 'new words')).metadata.description).toBe(
      'new words',
    );
    const tagged = await tagKey(keys, ref, [
      { key: 'Team', value: 'a' },
      { key: 'Env', value: 'test' },
    ]);
    expect(tagged.tags).toHaveLength(2);
    expect((await untagKey(keys, ref, ['Team'])).tags).toEqual([{ key: 'Env', value: 'test' }]);
  });

  it('creates, revokes and retires grants', async () => {
    const key = await newKey();
    const ref = { ...PROD_E1, keyId: key.arn };
    const grantee = 'arn:aws:iam::222222222222:root';
    const a = await createGrant(keys, ref, {
      granteePrincipal: grantee,
      operations: ['Decrypt', 'DescribeKey'],
      name: 'a',
    });
    const b = await createGrant(keys, ref, {
      granteePrincipal: grantee,
      operations: ['Encrypt'],
      constraints: { encryptionContextSubset: { app: 'x' } },
    });
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    expect((await listGrants(kms, key.arn)).map((g) => g.grantId).sort()).toEqual(
      [a.grantId, b.grantId].sort(),
    );
    expect(await revokeGrant(keys, ref, a.grantId)).toEqual({
      grantId: a.grantId,
      ended: 'revoked',
    });
    expect(await retireGrant(keys, ref, b.grantId)).toEqual({
      grantId: b.grantId,
      ended: 'retired',
    });
    expect(await listGrants(kms, key.arn)).toEqual([]);
  });

  it('replicates a multi-Region key and moves the primary Region', async () => {
    const key = await newKey({ multiRegion: true });
    const ref = { ...PROD_E1, keyId: key.arn };
    const { replica } = await replicateKey(keys, ref, 'eu-west-1', { description: 'replica' });
    expect(replica.region).toBe('eu-west-1');
    const single = await newKey();
    expect(
      (await errorOf(replicateKey(keys, { ...PROD_E1, keyId: single.arn }, 'eu-west-1'))).code,
    ).toBe('invalid-state');
    await updatePrimaryRegion(keys, ref, 'eu-west-1');
    const after = await describeKey(keys, ref);
    expect(after.multiRegionConfiguration?.role).toBe('REPLICA');
    expect(after.multiRegionConfiguration?.primary?.region).toBe('eu-west-1');
  });

  it('keeps every one of 40 parallel tag and alias changes', async () => {
    const key = await newKey();
    const ref = { ...PROD_E1, keyId: key.arn };
    const n = 20;
    await Promise.all([
      ...Array.from({ length: n }, (_, i) => tagKey(keys, ref, [{ key: `k${i}`, value: `v${i}` }])),
      ...Array.from({ length: n }, (_, i) =>
        createAlias(keys, { ...PROD_E1, aliasName: `alias/parallel-${i}`, keyId: key.arn }),
      ),
    ]);
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const tags = await listTags(kms, key.arn);
    expect(tags.map((t) => t.key).sort()).toEqual(
      Array.from({ length: n }, (_, i) => `k${i}`).sort(),
    );
    const aliases = (await aliasesOfKey(keys, ref)).aliases.map((a) => a.aliasName);
    expect(aliases.sort()).toEqual(
      Array.from({ length: n }, (_, i) => `alias/parallel-${i}`).sort(),
    );
  }, 30_000);
});
