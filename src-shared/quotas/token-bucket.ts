/** Requests per second, or `off` for no limit. */
export type RequestRate = number | 'off';

/**
 * A token bucket: `rate` tokens per second, holding at most `burst`, full at first. A request
 * takes one token and passes only if one is there. `clock` is a monotonic time in ms.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly clock: () => number,
  ) {
    this.tokens = burst;
    this.at = clock();
  }

  private refill(): number {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    return this.tokens;
  }

  tryTake(): boolean {
    if (this.refill() < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0: one is there now). */
  msUntilToken(): number {
    const missing = 1 - this.refill();
    return missing <= 0 ? 0 : (missing / this.rate) * 1000;
  }
}

/**
 * One token bucket per key (the sandbox keys them `<account>/<region>`): `rate` tokens per
 * second, holding at most `burst` (default: `rate`, at least 1).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly burst: number;

  constructor(
    private readonly rate: RequestRate,
    burst: number | undefined,
    private readonly clock: () => number,
  ) {
    this.burst = rate === 'off' ? Infinity : Math.max(1, burst ?? rate);
  }

  tryTake(key: string): boolean {
    if (this.rate === 'off') return true;
    let bucket = this.buckets.get(key);
    if (!bucket)
      this.buckets.set(key, (bucket = new TokenBucket(this.rate, this.burst, this.clock)));
    return bucket.tryTake();
  }
}
