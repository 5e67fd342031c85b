import { KeywardError } from '../../../src-shared/errors';
import type { RequestQuota } from '../../../src-shared/quotas/request-quota';
import { TokenBucket } from '../../../src-shared/quotas/token-bucket';
import { CallQueue, type Waiter } from './call-queue';
import { systemClock, type Clock } from './clock';
import { DEFAULT_PACING, pacingFor, type PacingOptions } from './pacing';

/** What the scheduler needs to know of one attempt of one call. */
export interface ScheduledCall {
  /** Where the request goes (its host): connections are capped per endpoint. */
  readonly endpoint: string;
  /** The account charged: its id, or a stand-in before the identity is known. */
  readonly account: string;
  readonly region: string;
  readonly quotas: readonly RequestQuota[];
  readonly signal?: AbortSignal | undefined;
}

/** One call let go, for the scheduler's record (the tests check it against the quotas). */
export interface Release {
  readonly account: string;
  readonly region: string;
  readonly endpoint: string;
  readonly quotaKeys: readonly string[];
  /** Clock time (ms) it was let go. */
  readonly at: number;
}

export interface SchedulerOptions {
  readonly clock?: Clock;
  /** Requests in flight at once per endpoint. */
  readonly maxInFlightPerEndpoint?: number;
  /** Of those, what one account and Region may hold: the rest stays free for the others. */
  readonly maxInFlightPerAccountRegion?: number;
  readonly pacing?: PacingOptions;
  readonly onRelease?: (release: Release) => void;
}

export interface SchedulerSnapshot {
  /** Calls waiting, per `<account>/<region>` (only those with some). */
  readonly waiting: Readonly<Record<string, number>>;
  /** Requests in flight, per endpoint (only those with some). */
  readonly inFlight: Readonly<Record<string, number>>;
}

interface Endpoint {
  readonly name: string;
  readonly queues: CallQueue[];
  inFlight: number;
  /** Round robin: the queue served last (the next turn is the one after it). */
  lastServed: CallQueue | undefined;
}

export interface RequestScheduler {
  /**
   * Waits until the call may go: a connection of its endpoint is free, its account-region holds
   * no more than its share, and every quota it counts against has a token. Resolves with the
   * function to call once the request has been answered; rejects with `cancelled` if the
   * signal fires first.
   */
  acquire(call: ScheduledCall): Promise<() => void>;
  snapshot(): SchedulerSnapshot;
}

/**
 * Keeps calls inside AWS's request quotas per account and Region (a paced token bucket per
 * quota, see pacing.ts), caps the requests in flight per endpoint, and serves the account-regions
 * waiting for an endpoint in turn, so that one slow or throttled account-region never holds up
 * the others: it gets one call per turn and at most its share of the connections.
 */
export function createRequestScheduler(options: SchedulerOptions = {}): RequestScheduler {
  const clock = options.clock ?? systemClock;
  const perEndpoint = options.maxInFlightPerEndpoint ?? 16;
  const perQueue = options.maxInFlightPerAccountRegion ?? Math.max(1, Math.floor(perEndpoint / 2));
  const pacingOptions = options.pacing ?? DEFAULT_PACING;
  const buckets = new Map<string, TokenBucket>();
  const endpoints = new Map<string, Endpoint>();
  let seq = 0;
  let wake: { at: number; cancel: () => void } | undefined;

  function bucketFor(account: string, region: string, quota: RequestQuota): TokenBucket {
    const key = `${account}/${region}/${quota.key}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const pacing = pacingFor(quota, pacingOptions);
      bucket = new TokenBucket(pacing.rate, pacing.burst, () => clock.now());
      buckets.set(key, bucket);
    }
    return bucket;
  }

  function endpointFor(name: string): Endpoint {
    let endpoint = endpoints.get(name);
    if (!endpoint)
      endpoints.set(name, (endpoint = { name, queues: [], inFlight: 0, lastServed: undefined }));
    return endpoint;
  }

  function queueFor(endpoint: Endpoint, key: string): CallQueue {
    let queue = endpoint.queues.find((q) => q.key === key);
    if (!queue) endpoint.queues.push((queue = new CallQueue(key)));
    return queue;
  }

  function forgetIdle(endpoint: Endpoint): void {
    for (let i = endpoint.queues.length - 1; i >= 0; i--) {
      const queue = endpoint.queues[i];
      if (queue && queue.waiting === 0 && queue.inFlight === 0) endpoint.queues.splice(i, 1);
    }
    if (endpoint.queues.length === 0 && endpoint.inFlight === 0) endpoints.delete(endpoint.name);
  }

  /** Lets go one call from the next account-region in turn that has one ready. */
  function releaseOne(endpoint: Endpoint): boolean {
    const { queues } = endpoint;
    const first = endpoint.lastServed ? queues.indexOf(endpoint.lastServed) + 1 : 0;
    for (let i = 0; i < queues.length; i++) {
      const queue = queues[(first + i) % queues.length];
      if (!queue || queue.inFlight >= perQueue) continue;
      const waiter = queue.takeReady();
      if (!waiter) continue;
      endpoint.lastServed = queue;
      queue.inFlight += 1;
      endpoint.inFlight += 1;
      waiter.release();
      return true;
    }
    return false;
  }

  function pump(): void {
    for (const endpoint of [...endpoints.values()]) {
      while (endpoint.inFlight < perEndpoint && releaseOne(endpoint));
      forgetIdle(endpoint);
    }
    planWake();
  }

  /** Wakes up when the first waiting call's tokens are due (a finished call also wakes it). */
  function planWake(): void {
    let soonest = Infinity;
    for (const endpoint of endpoints.values()) {
      if (endpoint.inFlight >= perEndpoint) continue;
      for (const queue of endpoint.queues) {
        if (queue.inFlight < perQueue) soonest = Math.min(soonest, queue.msUntilReady());
      }
    }
    if (soonest === Infinity) return;
    const at = clock.now() + soonest;
    if (wake && wake.at <= at) return;
    wake?.cancel();
    // A hair late, so that the token the wait was computed for is there despite rounding.
    const cancel = clock.schedule(() => {
      wake = undefined;
      pump();
    }, soonest + 0.001);
    wake = { at, cancel };
  }

  return {
    acquire(call) {
      const { signal } = call;
      if (signal?.aborted) return Promise.reject(cancelledBeforeSent());
      const endpoint = endpointFor(call.endpoint);
      const queue = queueFor(endpoint, `${call.account}/${call.region}`);
      const quotaKeys = call.quotas.map((q) => q.key);
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          queue.drop(waiter);
          reject(cancelledBeforeSent());
          // After every listener of this signal ran: pumping now could let go a call of the same
          // cancelled operation whose own listener has not run yet.
          queueMicrotask(pump);
        };
        const waiter: Waiter = {
          seq: seq++,
          buckets: call.quotas.map((q) => bucketFor(call.account, call.region, q)),
          signature: quotaKeys.join('\n'),
          gone: false,
          release() {
            signal?.removeEventListener('abort', onAbort);
            if (signal?.aborted) {
              // Cancelled while its turn came: it never goes (its tokens stay spent).
              queue.inFlight -= 1;
              endpoint.inFlight -= 1;
              reject(cancelledBeforeSent());
              queueMicrotask(pump);
              return;
            }
            const at = clock.now();
            options.onRelease?.({
              account: call.account,
              region: call.region,
              endpoint: call.endpoint,
              quotaKeys,
              at,
            });
            let done = false;
            resolve(() => {
              if (done) return;
              done = true;
              queue.inFlight -= 1;
              endpoint.inFlight -= 1;
              pump();
            });
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.add(waiter);
        pump();
      });
    },

    snapshot() {
      const waiting: Record<string, number> = {};
      const inFlight: Record<string, number> = {};
      for (const endpoint of endpoints.values()) {
        if (endpoint.inFlight > 0) inFlight[endpoint.name] = endpoint.inFlight;
        for (const queue of endpoint.queues) {
          if (queue.waiting > 0) waiting[queue.key] = (waiting[queue.key] ?? 0) + queue.waiting;
        }
      }
      return { waiting, inFlight };
    },
  };
}

function cancelledBeforeSent(): KeywardError {
  return new KeywardError('cancelled', 'The call was cancelled before it was sent to AWS.');
}
