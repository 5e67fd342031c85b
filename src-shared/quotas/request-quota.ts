/**
 * One published request quota, as a token bucket per account and Region: `rate` tokens a second
 * refill it up to `burst`, and a request passes only when it can take a token. Services that
 * publish a plain "requests per second" (KMS, CloudTrail) are modelled with `burst = rate` (at
 * least 1), which is how the sandbox enforces them.
 */
export interface RequestQuota {
  /** The bucket's name within an account and Region, e.g. `kms:CreateKey`, `kms:crypto:rsa`. */
  readonly key: string;
  /** Sustained requests per second. */
  readonly rate: number;
  /** Bucket capacity: the most requests that can pass at once after a quiet spell. */
  readonly burst: number;
  /**
   * `continuous`: tokens trickle in (KMS, CloudTrail, the sandbox). `per-second`: EC2's
   * documentation says "a set number of tokens is added back to it every second", so a client
   * must not count on tokens before the next whole second.
   */
  readonly refill: 'continuous' | 'per-second';
}

/** A quota published as requests per second only: a bucket as large as one second's worth. */
export function perSecondQuota(key: string, rate: number): RequestQuota {
  return { key, rate, burst: Math.max(1, rate), refill: 'continuous' };
}
