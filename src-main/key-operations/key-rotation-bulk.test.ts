import { describe, expect, it } from 'vitest';
import type { OperationContext } from '../operations/operation-context';
import { silentLogger } from '../log/logger';
import { describeKey } from './describe-key';
import { kmsOf } from './key-context';
import { readRotationStatus } from './key-rotation';
import { enableRotationBulk } from './key-rotation-bulk';
import { disableKey } from './key-lifecycle';
import { DAY_MS, PROD_E1, useKeyOperations } from './testing/key-test-kit';

const { keys, newKey } = useKeyOperations();

/** An operation context that keeps what each progress event carried. */
function recordRun(signal = new AbortController().signal) {
  const partials: unknown[] = [];
  const ctx: OperationContext = {
    correlationId: 'test',
    logger: silentLogger,
    signal,
    progress: (_step, _count, _title, _value, _detail, partial) => {
      if (partial !== undefined) partials.push(partial);
    },
  };
  return { ctx, partials };
}

async function rotationOf(ref: { profileId: string; region: string; keyId: string }) {
  const kms = await kmsOf(keys, ref.profileId, ref.region);
  return readRotationStatus(kms, await describeKey(keys, ref));
}

describe('enable rotation on many keys', () => {
  it('turns it on for 40 keys at once, paced by the scheduler: all enabled, nothing throttled', async () => {
    const created = await Promise.all(Array.from({ length: 40 }, () => newKey()));
    const refs = created.map((key) => ({ ...PROD_E1, keyId: key.keyId }));
    const { ctx, partials } = recordRun();

    const result = await enableRotationBulk(keys, { keys: refs, periodDays: 180 }, ctx);

    expect(result.outcomes.map((o) => o.outcome)).toEqual(refs.map(() => 'enabled'));
    expect(partials).toHaveLength(40);
    for (const ref of refs.slice(0, 5)) {
      const status = await rotationOf(ref);
      expect(status).toMatchObject({ enabled: true, periodDays: 180 });
      expect(Math.round((Date.parse(status.nextRotationDate ?? '') - Date.now()) / DAY_MS)).toBe(
        180,
      );
    }
    const enables = keys.aws.calls.recent().filter((c) => c.operation === 'EnableKeyRotation');
    expect(enables).toHaveLength(40);
    expect(enables.every((c) => c.outcome === 'ok' && c.attempts === 1)).toBe(true);
  }, 60_000);

  it('skips with the reason, across profiles and Regions, and one failing key does not stop the others', async () => {
    const off = await newKey();
    const alsoOff = await newKey({ profileId: 'backup' });
    const on = await newKey();
    await enableRotationBulk(
      keys,
      { keys: [{ ...PROD_E1, keyId: on.keyId }], periodDays: 365 },
      recordRun().ctx,
    );
    const disabled = await newKey();
    await disableKey(keys, { ...PROD_E1, keyId: disabled.keyId });
    const rsa = await newKey({ keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });
    const managed = await describeKey(keys, { ...PROD_E1, keyId: 'alias/aws/ebs' });
    const missing = '1a2b3c4d-ffff-4aaa-8bbb-ffffffffffff';
    const refs = [
      { ...PROD_E1, keyId: off.keyId },
      { ...PROD_E1, keyId: missing },
      { profileId: 'backup', region: 'us-east-1', keyId: alsoOff.keyId },
      { ...PROD_E1, keyId: on.keyId },
      { ...PROD_E1, keyId: disabled.keyId },
      { ...PROD_E1, keyId: rsa.keyId },
      { ...PROD_E1, keyId: managed.keyId },
    ];

    const result = await enableRotationBulk(keys, { keys: refs, periodDays: 365 }, recordRun().ctx);

    const byKey = new Map(result.outcomes.map((o) => [o.keyId, o]));
    expect(byKey.get(off.keyId)).toMatchObject({ outcome: 'enabled', rotation: { enabled: true } });
    expect(byKey.get(alsoOff.keyId)).toMatchObject({ outcome: 'enabled', profileId: 'backup' });
    expect(byKey.get(on.keyId)).toMatchObject({
      outcome: 'skipped',
      reason: 'Already on, every 365 days.',
    });
    expect(byKey.get(disabled.keyId)?.reason).toContain('Disabled');
    expect(byKey.get(rsa.keyId)?.reason).toContain('Asymmetric key (RSA_2048)');
    expect(byKey.get(managed.keyId)?.reason).toContain('AWS managed');
    expect(byKey.get(missing)).toMatchObject({
      outcome: 'failed',
      error: { code: 'not-found', aws: { code: 'NotFoundException' } },
    });
    expect(byKey.get(missing)?.error?.aws?.requestId).toBeTruthy();
    expect((await rotationOf({ ...PROD_E1, keyId: disabled.keyId })).enabled).toBe(false);
  }, 60_000);

  it('leaves the keys it had not reached when cancelled, saying so', async () => {
    const key = await newKey();
    const stop = new AbortController();
    stop.abort();
    const result = await enableRotationBulk(
      keys,
      { keys: [{ ...PROD_E1, keyId: key.keyId }], periodDays: 365 },
      recordRun(stop.signal).ctx,
    );
    expect(result.outcomes[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'Not done: the run was cancelled.',
    });
    expect((await rotationOf({ ...PROD_E1, keyId: key.keyId })).enabled).toBe(false);
  });
});
