// An ESTIMATE of what KMS keys cost per month, from the published prices in
// ../shared/reference/aws-behaviour.md §2.12 (kms/pricing, April 2024 rotation change). Not a
// bill: proration by the hour, taxes, credits and custom key store fees are not modelled.

export const KMS_PRICES = {
  /** Each customer managed key (any spec, imported, each MRK primary and each replica). */
  customerKeyPerMonthUsd: 1,
  /** Each of the first two rotations adds this per month; later rotations are free. */
  rotationPerMonthUsd: 1,
  chargedRotations: 2,
  /** Symmetric, RSA 2048, HMAC and most other requests, per 10,000. */
  requestsPer10kUsd: 0.03,
  /** Asymmetric requests other than RSA 2048, per 10,000 (UNCONFIRMED in the reference). */
  asymmetricRequestsPer10kUsd: 0.15,
  /** Requests free each month, across all Regions. */
  freeRequestsPerMonth: 20_000,
} as const;

const DAY_MS = 86_400_000;

export interface KeyCostFacts {
  readonly manager: 'aws-owned' | 'aws' | 'customer';
  readonly state: string;
  readonly createdAt: string;
  readonly rotation: {
    readonly enabled: boolean | null;
    readonly periodDays: number | null;
    readonly nextRotationDate: string | null;
  };
  /** Rotations the key has had (ListKeyRotations), when known; else estimated from its schedule. */
  readonly rotationCount?: number | null;
}

/**
 * Rotations a key with automatic rotation has probably had: the schedule puts the next one
 * `period` after the last, so the rotations between creation and the next one are counted as if
 * rotation was on since creation (an upper bound; a key rotated on demand may have more).
 */
export function estimatedRotationCount(facts: KeyCostFacts, now: Date = new Date()): number {
  if (facts.rotationCount !== undefined && facts.rotationCount !== null) return facts.rotationCount;
  const { enabled, periodDays, nextRotationDate } = facts.rotation;
  if (!enabled || !periodDays) return 0;
  const created = Date.parse(facts.createdAt);
  const periodMs = periodDays * DAY_MS;
  if (nextRotationDate !== null) {
    const next = Date.parse(nextRotationDate);
    return Math.max(0, Math.floor((next - created) / periodMs) - 1);
  }
  return Math.max(0, Math.floor((now.getTime() - created) / periodMs));
}

/**
 * Estimated monthly storage charge of one key in USD: $1 for a customer managed key, plus $1
 * for each of its first two rotations; nothing for AWS managed or AWS owned keys, nor while the
 * key is pending deletion. Requests are charged apart (`estimatedRequestCostUsd`).
 */
export function estimatedMonthlyKeyCostUsd(facts: KeyCostFacts, now: Date = new Date()): number {
  if (facts.manager !== 'customer') return 0;
  if (facts.state === 'PendingDeletion' || facts.state === 'PendingReplicaDeletion') return 0;
  const charged = Math.min(estimatedRotationCount(facts, now), KMS_PRICES.chargedRotations);
  return KMS_PRICES.customerKeyPerMonthUsd + charged * KMS_PRICES.rotationPerMonthUsd;
}

/** The request price per 10,000 for a key spec: RSA 2048 and non-asymmetric specs pay the base. */
export function requestPricePer10kUsd(keySpec: string | null | undefined): number {
  const asymmetric = keySpec?.startsWith('RSA_') === true || keySpec?.startsWith('ECC_') === true;
  return asymmetric && keySpec !== 'RSA_2048'
    ? KMS_PRICES.asymmetricRequestsPer10kUsd
    : KMS_PRICES.requestsPer10kUsd;
}

export interface RequestCostOptions {
  readonly keySpec?: string | null;
  /**
   * Subtract the 20,000 free requests a month. They are shared by the whole account across
   * Regions, so a per-key estimate leaves them out (default: subtract, for account totals).
   */
  readonly freeTier?: boolean;
}

/** Estimated monthly request charge for `requestsPerMonth` requests. */
export function estimatedRequestCostUsd(
  requestsPerMonth: number,
  options: RequestCostOptions = {},
): number {
  const free = options.freeTier === false ? 0 : KMS_PRICES.freeRequestsPerMonth;
  const billable = Math.max(0, requestsPerMonth - free);
  return (billable / 10_000) * requestPricePer10kUsd(options.keySpec);
}

export interface MonthlyCostBreakdown {
  readonly keyUsd: number;
  readonly rotationsUsd: number;
  /** Rotations charged for (at most two). */
  readonly chargedRotations: number;
  /** Null when no request count was available. */
  readonly requestsUsd: number | null;
  readonly totalUsd: number;
}

/**
 * One key's monthly estimate in parts: the key, its charged rotations and, when a month's
 * request count is known (e.g. CloudTrail's cryptographic calls over 30 days), its requests at
 * the key spec's price — without the account-wide free tier, which no single key owns.
 */
export function monthlyCostBreakdown(
  facts: KeyCostFacts,
  requests: { readonly perMonth: number; readonly keySpec: string | null } | null,
  now: Date = new Date(),
): MonthlyCostBreakdown {
  const storage = estimatedMonthlyKeyCostUsd(facts, now);
  const keyUsd = storage === 0 ? 0 : KMS_PRICES.customerKeyPerMonthUsd;
  const rotationsUsd = storage - keyUsd;
  const requestsUsd =
    requests === null
      ? null
      : estimatedRequestCostUsd(requests.perMonth, { keySpec: requests.keySpec, freeTier: false });
  return {
    keyUsd,
    rotationsUsd,
    chargedRotations: Math.round(rotationsUsd / KMS_PRICES.rotationPerMonthUsd),
    requestsUsd,
    totalUsd: storage + (requestsUsd ?? 0),
  };
}

/** The estimated monthly total of a set of rows (their `estimatedMonthlyCostUsd`). */
export function estimatedTotalUsd(rows: readonly { estimatedMonthlyCostUsd: number }[]): number {
  return rows.reduce((sum, row) => sum + row.estimatedMonthlyCostUsd, 0);
}
