/** Requests per second, or `off` for no limit. */
export type RequestRate = number | 'off';

/** CloudTrail's documented LookupEvents limit: 2 requests per second per account and region. */
export const LOOKUP_EVENTS_RATE = 2;

/**
 * One token bucket per key (`<account>/<region>`): `rate` tokens per second, holding at most
 * `burst` (default: `rate`, at least 1). `tryTake` answers whether a request may pass now.
 * Uses a monotonic clock, never the sandbox's (possibly frozen) `now`.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;

  constructor(
    private readonly rate: RequestRate,
    burst?: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.burst = rate === 'off' ? Infinity : Math.max(1, burst ?? rate);
  }

  tryTake(key: string): boolean {
    if (this.rate === 'off') return true;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }
}

/** Parses `2`, `0.5` or `off` (CLI `--lookup-rate`); throws with a message. */
export function parseRequestRate(text: string): RequestRate {
  if (text.trim().toLowerCase() === 'off') return 'off';
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new Error(`invalid request rate '${text}' (a positive number or 'off')`);
  }
  return n;
}
