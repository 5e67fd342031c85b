import { defineKind, GLOBAL_REGION, type StoreTransaction } from '../state/store-types';
import type { CloudTrailRecord } from '../trail/types';

/** What every seeder gets. Everything is written in one transaction with the trail records. */
export interface SeedContext {
  readonly tx: StoreTransaction;
  readonly now: Date;
  /** `--scale N`: extra objects per account and region for benchmarks (0 by default). */
  readonly scale: number;
  /** Adds a CloudTrail record (e.g. historical events) in the same transaction. */
  readonly recordEvent: (record: CloudTrailRecord) => void;
}

export interface Seeder {
  readonly name: string;
  seed(ctx: SeedContext): void;
}

/** Sandbox metadata lives under this scope. */
export const SANDBOX_SCOPE = { account: 'sandbox', region: GLOBAL_REGION } as const;

/** Which access key each credentials-file profile uses. */
export interface ProfileDoc {
  readonly profile: string;
  readonly account: string;
  readonly accessKeyId: string;
  readonly description: string;
}

export const PROFILE = defineKind<ProfileDoc>('sandbox:profile');
