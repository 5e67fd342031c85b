import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  GetParametersForImportCommand,
  KMSClient,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { requestQuotasOf } from '../../src-shared/quotas/quotas-of-call';
import { createRequestScheduler, type Release } from './scheduler/request-scheduler';
import { busiestSecond } from './testing/busiest-second';
import { DEMO_ACCOUNTS, useSandbox } from './testing/use-sandbox';
import { testClientFactory } from './testing/test-client-factory';

const sandbox = useSandbox({ kmsRequestQuotas: 'on', lookupEventsRate: 'off' });

describe('request scheduler against the sandbox’s own quota enforcement', () => {
  it('runs 10,000 queued DescribeKey calls and low-quota bursts for one account-region with no ThrottlingException', async () => {
    const releases: Release[] = [];
    const aws = testClientFactory({
      scheduler: createRequestScheduler({ onRelease: (r) => releases.push(r) }),
      maxAttempts: 1, // a throttle would reach the caller instead of being retried away
    });
    const kms = await aws.client(KMSClient, sandbox.principal('prod'), 'us-east-1');
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
    const imported = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const importParams = {
      KeyId: imported.KeyMetadata?.KeyId ?? '',
      WrappingAlgorithm: 'RSAES_OAEP_SHA_256' as const,
      WrappingKeySpec: 'RSA_2048' as const,
    };

    const started = performance.now();
    const calls = [
      ...Array.from({ length: 10_000 }, () => kms.send(new DescribeKeyCommand({ KeyId: keyId }))),
      ...Array.from({ length: 40 }, (_, i) =>
        kms.send(
          new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: `t${i}`, TagValue: 'v' }] }),
        ),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        kms.send(new CreateAliasCommand({ AliasName: `alias/load-${i}`, TargetKeyId: keyId })),
      ),
      ...Array.from({ length: 2 }, () => kms.send(new GetParametersForImportCommand(importParams))),
    ];
    const results = await Promise.allSettled(calls);
    const seconds = (performance.now() - started) / 1000;

    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(failures).toEqual([]);
    const outcomes = new Set(aws.calls.recent().map((call) => call.outcome));
    expect(outcomes).toEqual(new Set(['ok']));

    // The scheduler's own record: no quota let more go in any one second than AWS allows.
    expect(releases.every((r) => r.account === DEMO_ACCOUNTS.prod)).toBe(true);
    for (const [operation, count] of [
      ['DescribeKey', 10_000],
      ['TagResource', 40],
      ['CreateAlias', 20],
      ['GetParametersForImport', 2],
    ] as const) {
      const [quota] = requestQuotasOf({
        service: 'kms',
        operation,
        region: 'us-east-1',
        input: {},
      });
      const times = releases.filter((r) => r.quotaKeys.includes(quota!.key)).map((r) => r.at);
      expect(times.length, operation).toBe(count);
      expect(busiestSecond(times), operation).toBeLessThanOrEqual(Math.max(1, quota!.rate));
    }
    console.info(`10,000 DescribeKey + 62 low-quota calls in ${seconds.toFixed(1)} s`);
    aws.close();
  }, 60_000);

  it('is needed: the same bursts without it are throttled by the sandbox', async () => {
    const kms = new KMSClient(sandbox.t.client('backup'));
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        kms.send(
          new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: `t${i}`, TagValue: 'v' }] }),
        ),
      ),
    );
    const throttled = results.filter(
      (r) => r.status === 'rejected' && (r.reason as Error).name === 'ThrottlingException',
    );
    expect(throttled.length).toBeGreaterThan(20);
    kms.destroy();
  });
});
