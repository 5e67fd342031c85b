import { SandboxError } from '../../protocols/sandbox-error';
import { TokenBuckets } from '../cloudtrail/token-bucket';
import type { Operation, ServiceContext } from '../types';
import type { KmsKeyDoc } from './model';

/**
 * KMS request quotas (reference §2.11): requests per second per account and Region, each quota
 * counted on its own; the caller's account is charged, also for another account's key. `off`
 * lifts them (tests, benchmarks); `on` is AWS's default numbers.
 */
export type KmsRequestQuotaMode = 'on' | 'off';

/** Per-operation quotas (the 2023 table of reference §2.11). */
export const OPERATION_QUOTAS: Readonly<Record<string, number>> = {
  CreateKey: 5,
  CreateAlias: 5,
  UpdateAlias: 5,
  CancelKeyDeletion: 5,
  DisableKey: 5,
  EnableKey: 5,
  DisableKeyRotation: 5,
  DeleteImportedKeyMaterial: 5,
  ImportKeyMaterial: 5,
  ReplicateKey: 5,
  UntagResource: 5,
  UpdateKeyDescription: 5,
  UpdatePrimaryRegion: 5,
  TagResource: 10,
  DeleteAlias: 15,
  EnableKeyRotation: 15,
  PutKeyPolicy: 15,
  ScheduleKeyDeletion: 15,
  RetireGrant: 30,
  RevokeGrant: 30,
  CreateGrant: 50,
  ListGrants: 100,
  ListKeyPolicies: 100,
  ListRetirableGrants: 100,
  ListAliases: 500,
  ListKeys: 500,
  GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000,
  DescribeKey: 2000,
  GetPublicKey: 2000,
  ListResourceTags: 2000,
  GetParametersForImport: 0.25,
};

/** `GenerateDataKeyPair(WithoutPlaintext)` per KeyPairSpec (shared by both — UNCONFIRMED). */
export const KEY_PAIR_QUOTAS: Readonly<Record<string, number>> = {
  RSA_2048: 1,
  RSA_3072: 0.5,
  RSA_4096: 0.1,
  ECC_NIST_P256: 25,
  ECC_NIST_P384: 10,
  ECC_NIST_P521: 5,
  ECC_SECG_P256K1: 25,
};

/** Operations that draw on the shared cryptographic-operations quota of the key's type. */
const CRYPTO_OPERATIONS = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'Sign',
  'Verify',
  'DeriveSharedSecret',
]);

const LARGEST_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);
const LARGE_REGIONS = new Set([
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-central-1',
]);

/**
 * Shared symmetric quota: 50,000 in the three largest US/EU Regions, 10,000 in the next tier,
 * 5,500 elsewhere (reference §2.11; which Region has which is UNCONFIRMED beyond that).
 */
export function symmetricQuota(region: string): number {
  if (LARGEST_REGIONS.has(region)) return 50_000;
  return LARGE_REGIONS.has(region) ? 10_000 : 5_500;
}

type CryptoPool = 'symmetric' | 'rsa' | 'ecc';

function poolOf(keySpec: string): CryptoPool {
  if (keySpec.startsWith('RSA_')) return 'rsa';
  if (keySpec.startsWith('ECC_') || keySpec.startsWith('SM2')) return 'ecc';
  return 'symmetric'; // SYMMETRIC_DEFAULT, HMAC_*
}

function poolQuota(pool: CryptoPool, region: string): number {
  if (pool === 'rsa') return 500;
  if (pool === 'ecc') return 300;
  return symmetricQuota(region);
}

/** One running sandbox's KMS request counters. */
export class KmsRequestQuotas {
  private readonly buckets = new Map<string, TokenBuckets>();
  /** Crypto pools already charged per request (a ReEncrypt with two keys counts once per pool). */
  private readonly charged = new WeakMap<ServiceContext, Set<CryptoPool>>();

  constructor(
    readonly mode: KmsRequestQuotaMode,
    private readonly clock?: () => number,
  ) {}

  /** Takes one request of `quota` (rate per second) for the caller's account and Region. */
  take(ctx: ServiceContext, quota: string, rate: number): void {
    if (this.mode === 'off') return;
    let buckets = this.buckets.get(quota);
    if (!buckets) this.buckets.set(quota, (buckets = new TokenBuckets(rate, rate, this.clock)));
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
    const own = OPERATION_QUOTAS[operation];
    if (own !== undefined) this.take(ctx, operation, own);
    if (operation.startsWith('GenerateDataKeyPair') && typeof params['KeyPairSpec'] === 'string') {
      const rate = KEY_PAIR_QUOTAS[params['KeyPairSpec']];
      if (rate !== undefined) this.take(ctx, `GenerateDataKeyPair:${params['KeyPairSpec']}`, rate);
    }
    if (operation === 'GenerateRandom') this.chargePool(ctx, 'symmetric');
  }

  /** A cryptographic operation with `key`: its type's shared pool. */
  onKeyUse(ctx: ServiceContext, key: Pick<KmsKeyDoc, 'keySpec'>): void {
    if (!CRYPTO_OPERATIONS.has(ctx.operation.replace(/^ReEncrypt(From|To)$/, 'ReEncrypt'))) return;
    this.chargePool(ctx, poolOf(key.keySpec));
  }

  private chargePool(ctx: ServiceContext, pool: CryptoPool): void {
    let done = this.charged.get(ctx);
    if (!done) this.charged.set(ctx, (done = new Set()));
    if (done.has(pool)) return;
    done.add(pool);
    this.take(ctx, `crypto:${pool}`, poolQuota(pool, ctx.region));
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
