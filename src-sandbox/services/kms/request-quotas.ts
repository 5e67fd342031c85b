import {
  cryptoPoolOf,
  cryptoPoolQuota,
  isKmsCryptoOperation,
  keylessCryptoPools,
  kmsOperationQuotas,
  type KmsCryptoPool,
} from '../../../src-shared/quotas/kms';
import type { RequestQuota } from '../../../src-shared/quotas/request-quota';
import { TokenBuckets } from '../../../src-shared/quotas/token-bucket';
import { SandboxError } from '../../protocols/sandbox-error';
import type { Operation, ServiceContext } from '../types';
import type { KmsKeyDoc } from './model';

/**
 * KMS request quotas (reference §2.11; the numbers live in src-shared/quotas/kms.ts, which the
 * app's request scheduler paces itself by): requests per second per account and Region, each
 * quota counted on its own; the caller's account is charged, also for another account's key.
 * `off` lifts them (tests, benchmarks); `on` is AWS's default numbers.
 */
export type KmsRequestQuotaMode = 'on' | 'off';

/** One running sandbox's KMS request counters. */
export class KmsRequestQuotas {
  private readonly buckets = new Map<string, TokenBuckets>();
  /** Crypto pools already charged per request (a ReEncrypt with two keys counts once per pool). */
  private readonly charged = new WeakMap<ServiceContext, Set<KmsCryptoPool>>();

  constructor(
    readonly mode: KmsRequestQuotaMode,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Takes one request of `quota` for the caller's account and Region. */
  take(ctx: ServiceContext, quota: RequestQuota): void {
    if (this.mode === 'off') return;
    let buckets = this.buckets.get(quota.key);
    if (!buckets) {
      buckets = new TokenBuckets(quota.rate, quota.burst, this.clock);
      this.buckets.set(quota.key, buckets);
    }
    if (!buckets.tryTake(`${ctx.account}/${ctx.region}`)) {
      const t = ctx.service.errors.throttling;
      throw new SandboxError(t.code, t.message, t.status);
    }
  }

  /** The operation's own quota (and GenerateRandom's share of the symmetric pool). */
  beforeOperation(
    ctx: ServiceContext,
    operation: string,
    params: Readonly<Record<string, unknown>>,
  ): void {
    for (const quota of kmsOperationQuotas(operation, params)) this.take(ctx, quota);
    for (const pool of keylessCryptoPools(operation)) this.chargePool(ctx, pool);
  }

  /** A cryptographic operation with `key`: its type's shared pool. */
  onKeyUse(ctx: ServiceContext, key: Pick<KmsKeyDoc, 'keySpec'>): void {
    if (!isKmsCryptoOperation(ctx.operation.replace(/^ReEncrypt(From|To)$/, 'ReEncrypt'))) return;
    this.chargePool(ctx, cryptoPoolOf(key.keySpec));
  }

  private chargePool(ctx: ServiceContext, pool: KmsCryptoPool): void {
    let done = this.charged.get(ctx);
    if (!done) this.charged.set(ctx, (done = new Set()));
    if (done.has(pool)) return;
    done.add(pool);
    this.take(ctx, cryptoPoolQuota(pool, ctx.region));
  }
}

const active = new WeakMap<ServiceContext, KmsRequestQuotas>();

/** Called when a request uses a key (key-access): charges the crypto pool if quotas apply. */
export function chargeKeyUse(ctx: ServiceContext, key: Pick<KmsKeyDoc, 'keySpec'>): void {
  active.get(ctx)?.onKeyUse(ctx, key);
}

/** Wraps every KMS operation so that it is counted against its quotas before it runs. */
export function withRequestQuotas(
  operations: Readonly<Record<string, Operation>>,
  quotas: KmsRequestQuotas,
): Record<string, Operation> {
  if (quotas.mode === 'off') return { ...operations };
  return Object.fromEntries(
    Object.entries(operations).map(([name, op]) => [
      name,
      {
        readOnly: op.readOnly,
        run(ctx, params) {
          active.set(ctx, quotas);
          quotas.beforeOperation(ctx, name, params);
          return op.run(ctx, params);
        },
      } satisfies Operation,
    ]),
  );
}
