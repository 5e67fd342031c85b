import { SEP, type PendingChange } from './store-internals';

/**
 * The commit number at which each thing a transaction can read last changed: a document (also
 * after it was deleted, so that reading "absent" is checked too), a bucket (what `list` reads),
 * an id in any scope (`findById`) and a whole kind (`listAll`). Optimistic concurrency control
 * compares them with the commit number a transaction began at.
 */
export class WriteVersions {
  private readonly docs = new Map<string, number>();
  private readonly buckets = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly kinds = new Map<string, number>();

  record(change: PendingChange, version: number): void {
    this.docs.set(change.bucket + SEP + change.id, version);
    this.buckets.set(change.bucket, version);
    this.ids.set(change.kind + SEP + change.id, version);
    this.kinds.set(change.kind, version);
  }

  clear(): void {
    this.docs.clear();
    this.buckets.clear();
    this.ids.clear();
    this.kinds.clear();
  }

  doc(docKey: string): number {
    return this.docs.get(docKey) ?? 0;
  }

  bucket(bucket: string): number {
    return this.buckets.get(bucket) ?? 0;
  }

  /** `idKey` = kind + SEP + id, as `record` and ReadSet key it. */
  id(idKey: string): number {
    return this.ids.get(idKey) ?? 0;
  }

  kind(kind: string): number {
    return this.kinds.get(kind) ?? 0;
  }
}

/** What one transaction read from the committed state (not its own writes). */
export class ReadSet {
  private readonly docs = new Set<string>();
  private readonly buckets = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly kinds = new Set<string>();

  doc(docKey: string): void {
    this.docs.add(docKey);
  }

  bucket(bucket: string): void {
    this.buckets.add(bucket);
  }

  id(kind: string, id: string): void {
    this.ids.add(kind + SEP + id);
  }

  kind(kind: string): void {
    this.kinds.add(kind);
  }

  /** The first thing read that a commit after `began` changed, or undefined. */
  staleSince(began: number, versions: WriteVersions): string | undefined {
    for (const d of this.docs) if (versions.doc(d) > began) return d;
    for (const b of this.buckets) if (versions.bucket(b) > began) return b;
    for (const i of this.ids) if (versions.id(i) > began) return i;
    for (const k of this.kinds) if (versions.kind(k) > began) return k;
    return undefined;
  }
}

/**
 * A transaction read something that another transaction changed after it began: nothing of it
 * was applied; run the whole unit of work again (see `transact`).
 */
export class TransactionConflict extends Error {
  constructor(readonly stale: string) {
    super(`store transaction conflict on ${stale.split(SEP).join('/')}: run it again`);
    this.name = 'TransactionConflict';
  }
}
