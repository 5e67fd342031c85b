import type { RequestQuota } from '../../../src-shared/quotas/request-quota';

/** The scheduler's own bucket for one quota: it releases at most `burst + rate × W` calls in W s. */
export interface Pacing {
  readonly rate: number;
  readonly burst: number;
}

export interface PacingOptions {
  /** The share of the published rate the scheduler uses (the rest is margin). */
  readonly share: number;
  /**
   * How much later than another a call may reach AWS after the scheduler let it go (network,
   * TLS set-up, the service's own queue), in seconds. Calls let go evenly can arrive bunched by
   * this much, so the scheduler's bucket is made that much smaller.
   */
  readonly deliverySpreadSeconds: number;
}

export const DEFAULT_PACING: PacingOptions = { share: 0.9, deliverySpreadSeconds: 0.5 };

/**
 * Whether a scheduler bucket (r, c) can never trip the service's bucket (R, C), nor let more
 * than the quota go in any one second. The scheduler lets go at most ⌊c + r·W⌋ calls in any
 * window of W seconds; arriving up to `spread` apart, those landing in a window of T seconds
 * left within T + spread, and the service accepts a window's calls while they number at most
 * C + R·T (its bucket is full at first and needs one token a call). With r < R the tightest
 * point is the first whole call past T = 0, which the checks below test. A service that refills
 * once a second (EC2) may owe up to a second's tokens: that second is added to the spread.
 */
function isSafe(quota: RequestQuota, c: number, r: number, options: PacingOptions): boolean {
  const { rate: R, burst: C } = quota;
  const spread = options.deliverySpreadSeconds + (quota.refill === 'per-second' ? 1 : 0);
  const atOnce = Math.floor(c + r * spread);
  if (atOnce > C) return false;
  const next = atOnce + 1;
  if (next > C + R * ((next - c) / r - spread)) return false;
  return Math.floor(c + r) <= Math.max(1, Math.floor(C));
}

/**
 * The scheduler's bucket for a published quota: `share` of its rate and the largest burst that
 * is safe; when even a burst of one is not (rates of about one a second or less), a lower rate.
 */
export function pacingFor(quota: RequestQuota, options: PacingOptions = DEFAULT_PACING): Pacing {
  const rate = quota.rate * options.share;
  let low = 1;
  let high = Math.max(1, Math.floor(quota.burst));
  if (isSafe(quota, low, rate, options)) {
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (isSafe(quota, mid, rate, options)) low = mid;
      else high = mid - 1;
    }
    return { rate, burst: low };
  }
  let slow = 0;
  let fast = rate;
  for (let i = 0; i < 50; i++) {
    const mid = (slow + fast) / 2;
    if (isSafe(quota, 1, mid, options)) slow = mid;
    else fast = mid;
  }
  return { rate: slow, burst: 1 };
}
