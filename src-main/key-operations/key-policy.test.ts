import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyInput } from '../../src-shared/schemas/create-key-input';
import { createKey } from './create-key';
import { kmsOf } from './key-context';
import { readPolicy } from './key-detail';
import { listPolicyVersions, putKeyPolicy, revertKeyPolicy, samePolicy } from './key-policy';
import { PROD_E1, recordProgress, useKeyOperations, errorOf } from './testing/key-test-kit';

const { keys, dataDir } = useKeyOperations();

const ROOT = 'arn:aws:iam::111111111111:root';
const policyWith = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const rootStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: ROOT },
  Action: 'kms:*',
  Resource: '*',
};
const userStatement = {
  Sid: 'Partner may encrypt',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::333333333333:root' },
  Action: 'kms:Encrypt',
  Resource: '*',
};

describe('key policy save', () => {
  it('saves, keeps every version locally (the one found first too), and reverts as a new version', async () => {
    const key = (await createKey(keys, createKeyInput.parse(PROD_E1), recordProgress())).metadata;
    const ref = { ...PROD_E1, keyId: key.arn };
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const original = await readPolicy(kms, key.arn);
    const edited = policyWith(rootStatement, userStatement);
    const saved = await putKeyPolicy(keys, ref, edited, { basedOn: original, force: false });
    expect(saved.version).toMatchObject({ source: 'saved', document: edited });
    expect(saved.version.savedBy).toBe('arn:aws:iam::111111111111:user/admin');
    expect(samePolicy(await readPolicy(kms, key.arn), edited)).toBe(true);

    const { versions } = await listPolicyVersions(keys, ref);
    expect(versions.map((v) => v.source)).toEqual(['found', 'saved']);
    expect(versions[0]?.document).toBe(original);
    expect(
      existsSync(join(dataDir, 'key-policies', '111111111111', 'us-east-1', `${key.keyId}.json`)),
    ).toBe(true);

    const found = versions[0];
    if (!found) throw new Error('no first version');
    const reverted = await revertKeyPolicy(keys, ref, found.id, { basedOn: edited, force: false });
    expect(reverted.version).toMatchObject({ source: 'reverted', revertedFrom: found.id });
    expect(samePolicy(await readPolicy(kms, key.arn), original)).toBe(true);
    expect((await listPolicyVersions(keys, ref)).versions.map((v) => v.source)).toEqual([
      'found',
      'saved',
      'reverted',
    ]);
  });

  it('refuses a policy that would lock the caller out, and sends nothing', async () => {
    const key = (await createKey(keys, createKeyInput.parse(PROD_E1), recordProgress())).metadata;
    const ref = { ...PROD_E1, keyId: key.arn };
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const before = await readPolicy(kms, key.arn);
    const error = await errorOf(
      putKeyPolicy(keys, ref, policyWith(userStatement), { basedOn: before, force: false }),
    );
    expect(error.code).toBe('validation');
    expect(error.message).toContain('lock you out');
    expect(error.hint).toContain('kms:PutKeyPolicy');
    expect(await readPolicy(kms, key.arn)).toBe(before);
    expect((await listPolicyVersions(keys, ref)).versions).toEqual([]);
    const malformed = await errorOf(
      putKeyPolicy(keys, ref, '{"Statement": 3}', { basedOn: null, force: false }),
    );
    expect(malformed.code).toBe('validation');
  });

  it('refuses to overwrite a policy changed elsewhere, unless forced', async () => {
    const key = (await createKey(keys, createKeyInput.parse(PROD_E1), recordProgress())).metadata;
    const ref = { ...PROD_E1, keyId: key.arn };
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const opened = await readPolicy(kms, key.arn);
    // Someone else saves first (whitespace alone is not a change).
    await putKeyPolicy(keys, ref, policyWith(rootStatement), { basedOn: null, force: false });
    const mine = policyWith(rootStatement, userStatement);
    const conflict = await errorOf(
      putKeyPolicy(keys, ref, mine, { basedOn: opened, force: false }),
    );
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toContain('changed elsewhere');
    const forced = await putKeyPolicy(keys, ref, mine, { basedOn: opened, force: true });
    expect(forced.version.document).toBe(mine);
    const current = await readPolicy(kms, key.arn);
    const reformatted = JSON.stringify(JSON.parse(current));
    const same = await putKeyPolicy(keys, ref, mine, { basedOn: reformatted, force: false });
    expect(same.version.source).toBe('saved');
  });

  it('40 saves at once from the same opened policy: one is saved, the other 39 are told it changed', async () => {
    const key = (await createKey(keys, createKeyInput.parse(PROD_E1), recordProgress())).metadata;
    const ref = { ...PROD_E1, keyId: key.arn };
    const kms = await kmsOf(keys, 'prod', 'us-east-1');
    const opened = await readPolicy(kms, key.arn);
    const edits = Array.from({ length: 40 }, (_, i) =>
      policyWith(rootStatement, { ...userStatement, Sid: `Edit ${i}` }),
    );
    const outcomes = await Promise.allSettled(
      edits.map((edit) => putKeyPolicy(keys, ref, edit, { basedOn: opened, force: false })),
    );
    const saved = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.version] : []));
    expect(saved).toHaveLength(1);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(refused).toHaveLength(39);
    for (const error of refused) expect(error).toMatchObject({ code: 'conflict' });
    expect(await readPolicy(kms, key.arn)).toBe(saved[0]?.document);
  });

  it('keeps both of two saves made at once', async () => {
    const key = (await createKey(keys, createKeyInput.parse(PROD_E1), recordProgress())).metadata;
    const ref = { ...PROD_E1, keyId: key.arn };
    await Promise.all([
      putKeyPolicy(keys, ref, policyWith(rootStatement), { basedOn: null, force: false }),
      putKeyPolicy(keys, ref, policyWith(rootStatement, userStatement), {
        basedOn: null,
        force: false,
      }),
    ]);
    const sources = (await listPolicyVersions(keys, ref)).versions.map((v) => v.source);
    expect(sources.filter((s) => s === 'saved')).toHaveLength(2);
    expect(sources.filter((s) => s === 'found')).toHaveLength(1);
  });
});
