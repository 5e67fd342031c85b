import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../../src-shared/errors';
import { perSecondQuota, type RequestQuota } from '../../../src-shared/quotas/request-quota';
import type { Clock } from './clock';
import { createRequestScheduler, type Release, type SchedulerOptions } from './request-scheduler';

/** A clock that moves only when told to, running its timers in order. */
function fakeClock(): Clock & { advance(ms: number): Promise<void>; jump(ms: number): void } {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const settle = () => new Promise<void>((done) => setImmediate(done));
  return {
    now: () => now,
    schedule(run, ms) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    /** Time passes but no timer runs (a busy event loop runs them late). */
    jump(ms) {
      now += ms;
    },
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        const next = [...timers].sort((a, b) => a.at - b.at)[0];
        if (!next || next.at > end) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
        await settle();
      }
      now = end;
    },
  };
}

const CREATE_KEY = perSecondQuota('kms:CreateKey', 5);
const IMPORT = perSecondQuota('kms:GetParametersForImport', 0.25);
const TAG = perSecondQuota('kms:TagResource', 10);

function setUp(options: Partial<SchedulerOptions> = {}) {
  const clock = fakeClock();
  const released: Release[] = [];
  const scheduler = createRequestScheduler({
    clock,
    onRelease: (r) => released.push(r),
    ...options,
  });
  /** Queues `count` calls that finish as soon as they are let go (unless `hold`). */
  const calls = (
    count: number,
    call: { account?: string; region?: string; quotas?: RequestQuota[]; signal?: AbortSignal },
    hold = false,
  ) =>
    Array.from({ length: count }, () =>
      scheduler
        .acquire({
          endpoint: 'https://kms.us-east-1.amazonaws.com',
          account: call.account ?? '111111111111',
          region: call.region ?? 'us-east-1',
          quotas: call.quotas ?? [],
          ...(call.signal ? { signal: call.signal } : {}),
        })
        .then((done) => {
          if (!hold) done();
          return done;
        }),
    );
  return { clock, scheduler, released, calls };
}

describe('request scheduler (fake clock)', () => {
  it('lets a quota’s calls go at its pacing: one at once, then 4.5 a second for CreateKey', async () => {
    const { clock, released, calls } = setUp();
    const all = calls(20, { quotas: [CREATE_KEY] });
    await clock.advance(10_000);
    await Promise.all(all);
    const times = released.map((r) => r.at);
    expect(times[0]).toBe(0);
    expect(times[1]).toBeCloseTo(1000 / 4.5, 0);
    expect(times[19]).toBeCloseTo((19 * 1000) / 4.5, 0);
    for (const t of times) {
      expect(times.filter((u) => u >= t && u <= t + 1000).length).toBeLessThanOrEqual(5);
    }
  });

  it('keeps each account and Region to its own buckets', async () => {
    const { clock, released, calls } = setUp();
    const all = [
      ...calls(3, { quotas: [IMPORT], region: 'us-east-1' }),
      ...calls(3, { quotas: [IMPORT], region: 'eu-west-1' }),
      ...calls(3, { quotas: [IMPORT], account: '222222222222' }),
    ];
    await clock.advance(0);
    expect(released.length).toBe(3);
    await clock.advance(4_499);
    expect(released.length).toBe(3);
    await clock.advance(2); // one GetParametersForImport every 4.5 s in each
    expect(released.length).toBe(6);
    await clock.advance(4_500);
    await Promise.all(all);
  });

  it('serves waiting account-regions in turn: a long queue does not delay a short one', async () => {
    const { clock, released, calls } = setUp({ maxInFlightPerEndpoint: 1 });
    const running: (() => void)[] = [];
    const track = (all: Promise<() => void>[]) =>
      all.forEach((call) => void call.then((done) => running.push(done)));
    track(calls(100, { account: 'A' }, true));
    track(calls(5, { account: 'B' }, true));
    for (let i = 0; i < 12; i++) {
      await clock.advance(0);
      running.shift()?.();
    }
    const order = released.map((r) => r.account).slice(0, 12);
    expect(order).toEqual(['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'A']);
  });

  it('leaves half of an endpoint’s connections to others when one account-region is slow', async () => {
    const { clock, scheduler, released, calls } = setUp({ maxInFlightPerEndpoint: 4 });
    calls(20, { account: 'slow' }, true);
    await clock.advance(0);
    expect(scheduler.snapshot()).toEqual({
      waiting: { 'slow/us-east-1': 18 },
      inFlight: { 'https://kms.us-east-1.amazonaws.com': 2 },
    });
    const quick = calls(6, { account: 'quick' });
    await clock.advance(0);
    await Promise.all(quick);
    expect(released.filter((r) => r.account === 'quick')).toHaveLength(6);
  });

  it('does not let a call on a full bucket hold up calls on others, nor be overtaken on its own', async () => {
    const { clock, released, calls } = setUp();
    const first = calls(2, { quotas: [IMPORT] }); // the second must wait 4.5 s
    const both = calls(1, { quotas: [IMPORT, TAG] }); // behind them on IMPORT, so it waits too
    const other = calls(3, { quotas: [TAG] });
    await clock.advance(0);
    // TAG's burst is one call; the IMPORT+TAG call does not take it while it waits.
    expect(released.map((r) => r.quotaKeys.join('+'))).toEqual([
      'kms:GetParametersForImport',
      'kms:TagResource',
    ]);
    await clock.advance(20_000);
    await Promise.all([...first, ...both, ...other]);
    const order = released.map((r) => r.quotaKeys.join('+'));
    expect(order.indexOf('kms:GetParametersForImport+kms:TagResource')).toBeGreaterThan(
      order.lastIndexOf('kms:GetParametersForImport'),
    );
  });

  it('drops cancelled calls from the queue and rejects them as cancelled', async () => {
    const { clock, scheduler, released, calls } = setUp();
    const controller = new AbortController();
    const all = calls(10, { quotas: [CREATE_KEY], signal: controller.signal });
    await clock.advance(500);
    expect(released).toHaveLength(3);
    controller.abort();
    const results = await Promise.allSettled(all);
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(rejected).toHaveLength(7);
    for (const reason of rejected) {
      expect(reason).toBeInstanceOf(KeywardError);
      expect((reason as KeywardError).code).toBe('cancelled');
    }
    expect(scheduler.snapshot()).toEqual({ waiting: {}, inFlight: {} });
    await clock.advance(10_000);
    expect(released).toHaveLength(3);
    await expect(
      scheduler.acquire({
        endpoint: 'e',
        account: 'a',
        region: 'r',
        quotas: [],
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('lets no call of a cancelled operation go, even when a token is due as it is cancelled', async () => {
    const { clock, released, calls } = setUp();
    const controller = new AbortController();
    const all = calls(10, { quotas: [CREATE_KEY], signal: controller.signal });
    await clock.advance(500);
    const before = released.length;
    clock.jump(2_000); // the next tokens are due, but the scheduler's timer has not run yet
    controller.abort();
    await Promise.allSettled(all);
    await clock.advance(10_000);
    expect(released).toHaveLength(before);
  });
});
