import type { DocumentStore } from '../state/document-store';
import type { TrailStore } from '../trail/trail-store';
import type { CloudTrailRecord } from '../trail/types';
import { ec2Seeder } from './ec2';
import { identitySeeder } from './identities';
import { kmsSeeder } from './kms';
import { ssoSeeder } from './sso';
import type { Seeder } from './seeder';
import { trailHistorySeeder } from './trail-history';

/** Seeders run in this order. Add `kms`, `ec2`, `trail-history` after identities. */
export const SEEDERS: readonly Seeder[] = [
  identitySeeder,
  ssoSeeder,
  kmsSeeder,
  ec2Seeder,
  trailHistorySeeder,
];

export interface SeedOptions {
  readonly now: Date;
  readonly scale?: number;
  readonly seeders?: readonly Seeder[];
}

/** Writes the demo world in one transaction. */
export function seedWorld(store: DocumentStore, trail: TrailStore, opts: SeedOptions): void {
  const tx = store.begin();
  const records: CloudTrailRecord[] = [];
  for (const seeder of opts.seeders ?? SEEDERS) {
    seeder.seed({ tx, now: opts.now, scale: opts.scale ?? 0, recordEvent: (r) => records.push(r) });
  }
  tx.onCommit(() => {
    for (const r of records) trail.insert(r);
  });
  tx.commit();
}
