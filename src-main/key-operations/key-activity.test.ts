import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_PAGE_CAP, ACTIVITY_PAGE_SIZE } from '../../src-shared/models/key-activity';
import { keyActivity, summarise } from './key-activity';
import { deletionImpact } from './key-usage';
import { PROD_E1, useKeyOperations } from './testing/key-test-kit';

describe('keyActivity (CloudTrail LookupEvents by key ARN, in-process sandbox)', () => {
  const { keys, sandbox, newKey } = useKeyOperations();
  let keyArn = '';
  let otherArn = '';

  beforeAll(async () => {
    const key = await newKey({ description: 'activity' });
    keyArn = key.arn;
    otherArn = (await newKey({ description: 'quiet' })).arn;
    const kms = await keys.aws.client(KMSClient, sandbox.principal('prod'), 'us-east-1');
    for (let i = 0; i < 3; i++) {
      const { CiphertextBlob } = await kms.send(
        new EncryptCommand({ KeyId: key.keyId, Plaintext: new Uint8Array([i]) }),
      );
      await kms.send(new DecryptCommand({ CiphertextBlob }));
    }
  }, 60_000);

  it('counts the key\u2019s calls, the cryptographic ones, the last call and its caller', async () => {
    const { activity, error } = await keyActivity(keys, PROD_E1, keyArn, 90);
    expect(error).toBeNull();
    // CreateKey (+ its setup calls) and 3 Encrypt + 3 Decrypt.
    expect(activity?.cryptographicCount).toBe(6);
    expect(activity?.count).toBeGreaterThanOrEqual(7);
    expect(activity?.capped).toBe(false);
    expect(activity?.last?.eventName).toBe('Decrypt');
    expect(activity?.last?.caller).toMatch(/^arn:aws:iam::111111111111:/);
    expect(activity?.topCallers).toEqual([{ name: activity?.last?.caller, count: 6 }]);
    expect(activity?.topEvents.slice(0, 2).map((e) => [e.name, e.count])).toEqual([
      ['Decrypt', 3],
      ['Encrypt', 3],
    ]);
  });

  it('another key\u2019s calls are not counted', async () => {
    const { activity } = await keyActivity(keys, PROD_E1, otherArn, 90);
    expect(activity?.cryptographicCount).toBe(0);
  });

  it('a profile that may not read CloudTrail: the reason, no numbers', async () => {
    const result = await keyActivity(
      keys,
      { profileId: 'prod-developer', region: 'us-east-1' },
      keyArn,
      30,
    );
    expect(result).toMatchObject({
      activity: null,
      reason: 'CloudTrail is not readable with this profile',
      error: { code: 'access-denied' },
    });
  });

  it('the deletion impact carries the recent use', async () => {
    const impact = await deletionImpact(keys, { ...PROD_E1, keyId: keyArn });
    expect(impact.recentUse.activity?.cryptographicCount).toBe(6);
    expect(impact.recentUse.activity?.days).toBe(90);
  });

  it('stops at the page cap and says the count is a lower bound', () => {
    const events = Array.from({ length: ACTIVITY_PAGE_CAP * ACTIVITY_PAGE_SIZE }, (_, i) => ({
      EventName: i % 2 === 0 ? 'Decrypt' : 'DescribeKey',
      EventTime: new Date(Date.UTC(2026, 0, 1) - i * 1000),
      CloudTrailEvent: JSON.stringify({
        userIdentity: { arn: `arn:aws:sts::111111111111:assumed-role/app/i-${i % 3}` },
      }),
    }));
    const summary = summarise(events, 90, true);
    expect(summary).toMatchObject({ count: 500, cryptographicCount: 250, capped: true });
    // Three sessions of one role are one caller; only the cryptographic calls count as use.
    expect(summary.topCallers).toEqual([
      { name: 'arn:aws:iam::111111111111:role/app', count: 250 },
    ]);
  });
});
