import {
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSClient,
  TagResourceCommand,
} from '@aws-sdk/client-kms';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS, parseFaultSpec } from '../../src-sandbox/faults/fault-spec';
import { createRequestScheduler } from './scheduler/request-scheduler';
import { DEMO_ACCOUNTS, useSandbox } from './testing/use-sandbox';
import { testClientFactory } from './testing/test-client-factory';

// A is prod in us-east-1, the account-region in trouble; B is backup in eu-west-1.
const A = `${DEMO_ACCOUNTS.prod}/us-east-1`;

const sandbox = useSandbox({ kmsRequestQuotas: 'on', lookupEventsRate: 'off' });
let bKey: string;
beforeAll(async () => {
  const kms = new KMSClient(sandbox.t.client('backup', 'eu-west-1'));
  bKey = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
  kms.destroy();
});
const faults = (spec: string) => sandbox.t.sandbox.runtime.faults.set(parseFaultSpec(spec));
afterEach(() => sandbox.t.sandbox.runtime.faults.set(NO_FAULTS));

/** Sends `count` calls, timing each from the moment it is sent. */
function timed<T>(count: number, send: (i: number) => Promise<T>) {
  return Array.from({ length: count }, async (_, i) => {
    const started = performance.now();
    await send(i);
    return performance.now() - started;
  });
}

describe('fair queuing across account-regions', () => {
  it('serves B promptly while every call of A is throttled and hundreds of A’s wait', async () => {
    faults('throttle=1,region=us-east-1');
    const aws = testClientFactory(); // the SDK's standard retry, 4 attempts, as the app runs
    const a = await aws.client(KMSClient, sandbox.principal('prod'), 'us-east-1');
    const b = await aws.client(KMSClient, sandbox.principal('backup'), 'eu-west-1');
    const stopA = new AbortController();
    const aDone = Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        a.send(
          new TagResourceCommand({ KeyId: 'any', Tags: [{ TagKey: `t${i}`, TagValue: 'v' }] }),
          { abortSignal: stopA.signal },
        ),
      ),
    );
    await new Promise((done) => setTimeout(done, 500)); // A is well into its throttling

    const bLatencies = await Promise.all([
      ...timed(5, (i) =>
        b.send(new TagResourceCommand({ KeyId: bKey, Tags: [{ TagKey: `b${i}`, TagValue: 'v' }] })),
      ),
      ...timed(50, () => b.send(new DescribeKeyCommand({ KeyId: bKey }))),
    ]);
    const aWaiting = aws.scheduler.snapshot().waiting[A] ?? 0;

    // TagResource's pacing lets B's five go 0.11 s apart; nothing of A's stands in their way
    // (A's waiting calls alone would take half a minute at A's pace). Quiet, B's slowest takes
    // about 0.6 s; the bound leaves room for a loaded 2-core CI machine (2.0 s was seen there).
    expect(Math.max(...bLatencies)).toBeLessThan(6000);
    expect(aWaiting).toBeGreaterThan(250);
    stopA.abort();
    expect((await aDone).every((r) => r.status === 'rejected')).toBe(true);
    expect(aws.scheduler.snapshot().waiting).toEqual({});
    console.info(
      `B: slowest of 55 calls ${Math.max(...bLatencies).toFixed(0)} ms while ${aWaiting} of A's waited`,
    );
    aws.close();
  });

  it('keeps half of the sandbox’s connections for B while A answers slowly', async () => {
    faults('latency=2s,region=us-east-1');
    const slowest = async (perAccountRegion: number) => {
      const aws = testClientFactory({
        scheduler: createRequestScheduler({
          maxInFlightPerEndpoint: 16,
          maxInFlightPerAccountRegion: perAccountRegion,
        }),
      });
      const a = await aws.client(KMSClient, sandbox.principal('prod'), 'us-east-1');
      const b = await aws.client(KMSClient, sandbox.principal('backup'), 'eu-west-1');
      const stopA = new AbortController();
      const aDone = Promise.allSettled(
        Array.from({ length: 100 }, () =>
          a.send(new DescribeKeyCommand({ KeyId: 'any' }), { abortSignal: stopA.signal }),
        ),
      );
      await new Promise((done) => setTimeout(done, 100)); // A's first calls hang in the sandbox
      const bLatencies = await Promise.all(
        timed(20, () => b.send(new DescribeKeyCommand({ KeyId: bKey }))),
      );
      stopA.abort();
      await aDone;
      aws.close();
      return Math.max(...bLatencies);
    };
    const shared = await slowest(8);
    expect(shared).toBeLessThan(1000);
    // Without the share, A's slow calls hold every connection and B waits for them.
    const unshared = await slowest(16);
    expect(unshared).toBeGreaterThan(1500);
    console.info(
      `B's slowest call: ${shared.toFixed(0)} ms with shares, ${unshared.toFixed(0)} ms without`,
    );
    // A's abandoned requests still sit out their latency in the sandbox: let them end first.
    await new Promise((done) => setTimeout(done, 2100));
  });
});
