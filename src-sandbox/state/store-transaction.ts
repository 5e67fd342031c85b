import type { DocumentStore } from './document-store';
import { bucketKey, deepFreeze, SEP, type CommitWork, type PendingChange } from './store-internals';
import type { DocumentKind, Scope, StoredDocument, StoreTransaction } from './store-types';
import { ReadSet } from './write-versions';

/**
 * A unit of work over a DocumentStore (see StoreTransaction). It remembers what it read of the
 * committed state, so that the store can refuse its commit if another commit changed that.
 */
export class Transaction implements StoreTransaction {
  private readonly changes = new Map<string, PendingChange>();
  private readonly counterValues = new Map<string, number>();
  private readonly extra: (() => void)[] = [];
  private readonly reads = new ReadSet();
  private done = false;

  constructor(
    private readonly store: DocumentStore,
    /** The store's commit number when this transaction began. */
    private readonly began: number,
  ) {}

  private pending(bucket: string, id: string): PendingChange | undefined {
    return this.changes.get(bucket + SEP + id);
  }

  get<T>(kind: DocumentKind<T>, scope: Scope, id: string): T | undefined {
    const bucket = bucketKey(kind.name, scope);
    const change = this.pending(bucket, id);
    if (change) return change.value as T | undefined;
    this.reads.doc(bucket + SEP + id);
    return this.store.cached(bucket, id)?.value as T | undefined;
  }

  list<T>(kind: DocumentKind<T>, scope: Scope): readonly T[] {
    const bucket = bucketKey(kind.name, scope);
    this.reads.bucket(bucket);
    const out: T[] = [];
    const seen = new Set<string>();
    for (const doc of this.store.bucketValues(bucket)) {
      seen.add(doc.id);
      const change = this.pending(bucket, doc.id);
      if (!change) out.push(doc.value as T);
      else if (change.value !== undefined) out.push(change.value as T);
    }
    for (const change of this.changes.values()) {
      if (change.bucket === bucket && !seen.has(change.id) && change.value !== undefined) {
        out.push(change.value as T);
      }
    }
    return out;
  }

  findById<T>(kind: DocumentKind<T>, id: string): StoredDocument<T> | undefined {
    this.reads.id(kind.name, id);
    for (const change of this.changes.values()) {
      if (change.kind === kind.name && change.id === id && change.value !== undefined) {
        return { scope: change.scope, id, value: change.value as T };
      }
    }
    for (const bucket of this.store.holdersOf(kind.name, id)) {
      const change = this.pending(bucket, id);
      if (change) continue;
      const doc = this.store.cached(bucket, id);
      if (doc) return { scope: doc.scope, id, value: doc.value as T };
    }
    return undefined;
  }

  listAll<T>(kind: DocumentKind<T>): readonly StoredDocument<T>[] {
    this.reads.kind(kind.name);
    const out = this.store
      .listAll(kind)
      .filter((d) => !this.pending(bucketKey(kind.name, d.scope), d.id));
    for (const change of this.changes.values()) {
      if (change.kind === kind.name && change.value !== undefined) {
        out.push({ scope: change.scope, id: change.id, value: change.value as T });
      }
    }
    return out;
  }

  put<T>(kind: DocumentKind<T>, scope: Scope, id: string, value: T): void {
    this.assertOpen();
    const bucket = bucketKey(kind.name, scope);
    const frozen = deepFreeze(value);
    const deferrable = kind.deferrable === true;
    this.changes.set(bucket + SEP + id, {
      bucket,
      scope,
      kind: kind.name,
      id,
      value: frozen,
      deferrable,
    });
  }

  delete<T>(kind: DocumentKind<T>, scope: Scope, id: string): boolean {
    this.assertOpen();
    const existed = this.get(kind, scope, id) !== undefined;
    const bucket = bucketKey(kind.name, scope);
    this.changes.set(bucket + SEP + id, {
      bucket,
      scope,
      kind: kind.name,
      id,
      value: undefined,
      deferrable: kind.deferrable === true,
    });
    return existed;
  }

  nextId(sequence: string): number {
    const value = this.store.allocate(sequence);
    this.counterValues.set(sequence, value);
    return value;
  }

  onCommit(work: () => void): void {
    this.assertOpen();
    this.extra.push(work);
  }

  discardChanges(): void {
    this.changes.clear();
  }

  private finish(): CommitWork | undefined {
    this.assertOpen();
    this.done = true;
    if (this.changes.size === 0 && this.counterValues.size === 0 && this.extra.length === 0) {
      return undefined;
    }
    const changes = [...this.changes.values()];
    const deferrable = this.counterValues.size === 0 && changes.every((c) => c.deferrable);
    return { changes, counters: this.counterValues, extra: this.extra, deferrable };
  }

  commit(): void {
    const work = this.finish();
    if (work) this.store.apply(work, this.reads, this.began);
  }

  commitBatched(): Promise<void> {
    const work = this.finish();
    return work ? this.store.applyBatched(work, this.reads, this.began) : Promise.resolve();
  }

  private assertOpen(): void {
    if (this.done) throw new Error('store transaction already committed');
  }
}
