import { describe, expect, it } from 'vitest';
import { samePolicy } from '../../key-operations/key-policy';
import { newKey } from '../../key-operations/testing/key-test-kit';
import { useWorkflows } from '../testing/workflow-test-kit';
import { statementsNaming } from './account-statements';
import { addKeyPolicyStatementKind, currentPolicy } from './add-key-policy-statement';
import { read } from './policy-statements';
import { removeKeyPolicyPrincipalKind } from './remove-key-policy-principal';

const kit = useWorkflows();

/** The guide: state changes are tested with 40 parallel calls, not one at a time. */
const PARALLEL = 40;
const accounts = Array.from({ length: PARALLEL }, (_, i) => String(444400000000 + i));
const place = { profileId: 'prod', region: 'us-east-1', ctx: kit.ctx, stepId: 'key-policy' };
const at = (runId: string) => ({
  runId,
  stepId: 'key-policy',
  profileId: 'prod',
  region: 'us-east-1',
});

const sidsOf = async (keyId: string) =>
  read(await currentPolicy({ ...place, runId: 'read' }, { keyId })).rawStatements.map(
    (s) => s['Sid'],
  );

/** Runs (and verifies) the step that lets `accountId` use the key, as run `runId` would. */
async function share(keyId: string, runId: string, accountId: string) {
  const env = kit.stepEnv(at(runId));
  const p = addKeyPolicyStatementKind.params.parse({ keyId, accountId });
  await addKeyPolicyStatementKind.run(env, p);
  await addKeyPolicyStatementKind.verify(env, p, {});
  return { env, p };
}

describe('key policy steps of runs made at once', () => {
  it('40 runs share one key at once: all 40 statements are in the policy; 40 revokes at once take every one out', async () => {
    const key = await newKey(kit.ctx);
    const original = await currentPolicy({ ...place, runId: 'read' }, { keyId: key.arn });

    await Promise.all(accounts.map((accountId, i) => share(key.arn, `run-share-${i}`, accountId)));
    expect(await sidsOf(key.arn)).toEqual(
      expect.arrayContaining(accounts.map((_, i) => `keyward-run-share-${i}`)),
    );
    const shared = await currentPolicy({ ...place, runId: 'read' }, { keyId: key.arn });
    for (const accountId of accounts) expect(statementsNaming(shared, accountId)).toHaveLength(1);

    await Promise.all(
      accounts.map(async (accountId, i) => {
        const env = kit.stepEnv(at(`run-revoke-${i}`));
        const p = removeKeyPolicyPrincipalKind.params.parse({ keyId: key.arn, accountId });
        await removeKeyPolicyPrincipalKind.run(env, p);
        await removeKeyPolicyPrincipalKind.verify(env, p, {});
      }),
    );
    const revoked = await currentPolicy({ ...place, runId: 'read' }, { keyId: key.arn });
    for (const accountId of accounts) expect(statementsNaming(revoked, accountId)).toEqual([]);
    expect(samePolicy(revoked, original)).toBe(true);
  });

  it('undoing 20 runs while 20 others share the key: exactly the 20 new statements are left', async () => {
    const key = await newKey(kit.ctx);
    const half = PARALLEL / 2;
    const earlier = await Promise.all(
      accounts.slice(0, half).map((accountId, i) => share(key.arn, `run-early-${i}`, accountId)),
    );
    await Promise.all([
      ...earlier.map(({ env, p }) => addKeyPolicyStatementKind.undo?.run(env, p, {})),
      ...accounts.slice(half).map((accountId, i) => share(key.arn, `run-late-${i}`, accountId)),
    ]);
    const keyward = (await sidsOf(key.arn)).filter(
      (sid) => typeof sid === 'string' && sid.startsWith('keyward-'),
    );
    expect(keyward.sort()).toEqual(
      Array.from({ length: half }, (_, i) => `keyward-run-late-${i}`).sort(),
    );
  });
});
