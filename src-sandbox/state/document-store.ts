import type { SqliteDatabase } from './database';
import {
  bucketKey,
  deepFreeze,
  SEP,
  type CachedDocument,
  type CommitWork,
  type PendingChange,
} from './store-internals';
import { Transaction } from './store-transaction';
import type {
  DocumentKind,
  Scope,
  StoredDocument,
  StoreReader,
  StoreTransaction,
} from './store-types';

/** Longest time a write-behind (deferrable) transaction waits for sqlite. */
export const DEFERRED_FLUSH_MS = 10;
/** A write-behind queue this long is flushed at once. */
const DEFERRED_MAX_QUEUE = 256;

interface QueuedWork {
  readonly work: CommitWork;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

const settled = (): void => undefined;
const NOTHING: ReadonlySet<PendingChange> = new Set();

/**
 * Write-behind changes that a later write-behind change of the same batch overwrites (a hot
 * key's last usage, once per flush instead of once per call). Durable changes are never
 * skipped, nor do they supersede: a durable transaction can fail alone and be rolled back.
 */
function supersededDeferredChanges(batch: readonly QueuedWork[]): ReadonlySet<PendingChange> {
  const seen = new Set<string>();
  const skip = new Set<PendingChange>();
  for (let i = batch.length - 1; i >= 0; i--) {
    const work = batch[i]?.work;
    if (!work?.deferrable) continue;
    for (const change of work.changes) {
      const key = change.bucket + SEP + change.id;
      if (seen.has(key)) skip.add(change);
      else seen.add(key);
    }
  }
  return skip;
}

/**
 * Documents live fully in memory (a write-through cache): reads never touch sqlite; every
 * committed transaction is written to sqlite first, then applied to the cache — except
 * write-behind transactions (only `deferrable` kinds, e.g. key last usage, plus CloudTrail
 * records of the call): they are applied to the cache at once and written with the next flush,
 * at most DEFERRED_FLUSH_MS later, in commit order with everything else. A `kill -9` can lose
 * those last milliseconds of write-behind work and nothing else.
 */
export class DocumentStore implements StoreReader {
  private readonly buckets = new Map<string, Map<string, CachedDocument>>();
  /** kind → id → bucket keys holding that id */
  private readonly byId = new Map<string, Map<string, Set<string>>>();
  private readonly counters = new Map<string, number>();
  private readonly queue: QueuedWork[] = [];
  /** A flush is scheduled: `now` on the next turn (a durable commit waits), `later` by timer. */
  private scheduled: { readonly kind: 'now' | 'later'; readonly cancel: () => void } | undefined;
  private nextSeq = 1;
  private readonly upsert;
  private readonly remove;
  private readonly saveCounter;

  constructor(private readonly db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO documents (account, region, kind, id, seq, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, region, kind, id) DO UPDATE SET body = excluded.body`,
    );
    this.remove = db.prepare(
      'DELETE FROM documents WHERE account = ? AND region = ? AND kind = ? AND id = ?',
    );
    this.saveCounter = db.prepare(
      `INSERT INTO counters (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
    );
    this.load();
  }

  private load(): void {
    const rows = this.db
      .prepare('SELECT account, region, kind, id, seq, body FROM documents ORDER BY seq')
      .all() as {
      account: string;
      region: string;
      kind: string;
      id: string;
      seq: number;
      body: string;
    }[];
    for (const row of rows) {
      const scope = { account: row.account, region: row.region };
      const value = deepFreeze(JSON.parse(row.body) as unknown);
      this.cacheSet(row.kind, { seq: row.seq, scope, id: row.id, value });
      this.nextSeq = Math.max(this.nextSeq, row.seq + 1);
    }
    const counters = this.db.prepare('SELECT name, value FROM counters').all() as {
      name: string;
      value: number;
    }[];
    for (const c of counters) this.counters.set(c.name, c.value);
  }

  private cacheSet(kind: string, doc: CachedDocument): void {
    const key = bucketKey(kind, doc.scope);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Map()));
    bucket.set(doc.id, doc);
    let ids = this.byId.get(kind);
    if (!ids) this.byId.set(kind, (ids = new Map()));
    let holders = ids.get(doc.id);
    if (!holders) ids.set(doc.id, (holders = new Set()));
    holders.add(key);
  }

  private cacheDelete(kind: string, scope: Scope, id: string): void {
    const key = bucketKey(kind, scope);
    this.buckets.get(key)?.delete(id);
    this.byId.get(kind)?.get(id)?.delete(key);
  }

  /** @internal used by transactions */
  cached(bucket: string, id: string): CachedDocument | undefined {
    return this.buckets.get(bucket)?.get(id);
  }

  /** @internal used by transactions */
  bucketValues(bucket: string): Iterable<CachedDocument> {
    return this.buckets.get(bucket)?.values() ?? [];
  }

  /** @internal used by transactions */
  holdersOf(kind: string, id: string): readonly string[] {
    return [...(this.byId.get(kind)?.get(id) ?? [])];
  }

  get<T>(kind: DocumentKind<T>, scope: Scope, id: string): T | undefined {
    return this.cached(bucketKey(kind.name, scope), id)?.value as T | undefined;
  }

  list<T>(kind: DocumentKind<T>, scope: Scope): readonly T[] {
    return [...this.bucketValues(bucketKey(kind.name, scope))].map((d) => d.value as T);
  }

  findById<T>(kind: DocumentKind<T>, id: string): StoredDocument<T> | undefined {
    for (const bucket of this.holdersOf(kind.name, id)) {
      const doc = this.cached(bucket, id);
      if (doc) return { scope: doc.scope, id, value: doc.value as T };
    }
    return undefined;
  }

  listAll<T>(kind: DocumentKind<T>): readonly StoredDocument<T>[] {
    const out: StoredDocument<T>[] = [];
    for (const [key, bucket] of this.buckets) {
      if (!key.endsWith(SEP + kind.name)) continue;
      for (const doc of bucket.values())
        out.push({ scope: doc.scope, id: doc.id, value: doc.value as T });
    }
    return out;
  }

  /** @internal */
  allocate(sequence: string): number {
    const next = (this.counters.get(sequence) ?? 0) + 1;
    this.counters.set(sequence, next);
    return next;
  }

  begin(): StoreTransaction {
    return new Transaction(this);
  }

  /** Run `work` in a transaction and commit it (rolls back if it throws). */
  write<R>(work: (tx: StoreTransaction) => R): R {
    const tx = this.begin();
    const result = work(tx);
    tx.commit();
    return result;
  }

  /** @internal writes a transaction's changes in one sqlite transaction, then updates the cache. */
  apply(work: CommitWork): void {
    this.flushPending(); // keep commit order: queued transactions first
    const seqs = this.db.transaction(() => this.writeWork(work))();
    this.applyToCache(work, seqs);
  }

  /**
   * @internal Group commit: transactions that finish in the same turn of the event loop are
   * written in ONE sqlite transaction (each in its own savepoint, so a failing one is rolled
   * back alone). The promise resolves once the data is in the WAL — reply only after that.
   */
  applyBatched(work: CommitWork): Promise<void> {
    if (work.deferrable) {
      // Write-behind: visible now (cache), in sqlite with the next flush.
      this.applyToCache(work, new Map());
      this.queue.push({ work, resolve: settled, reject: settled });
      this.schedule(this.queue.length >= DEFERRED_MAX_QUEUE ? 'now' : 'later');
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      this.schedule('now');
    });
  }

  private schedule(kind: 'now' | 'later'): void {
    if (this.scheduled && (this.scheduled.kind === 'now' || kind === 'later')) return;
    this.scheduled?.cancel();
    if (kind === 'now') {
      const handle = setImmediate(() => this.flushPending());
      this.scheduled = { kind, cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(() => this.flushPending(), DEFERRED_FLUSH_MS);
      handle.unref();
      this.scheduled = { kind, cancel: () => clearTimeout(handle) };
    }
  }

  /**
   * Writes every queued transaction now. CloudTrail reads, synchronous commits and close call it
   * so that they see, and keep, everything committed before them.
   */
  flushPending(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
    if (this.queue.length > 0) this.flush();
  }

  private flush(): void {
    const batch = this.queue.splice(0);
    // Fast path: the whole batch in one sqlite transaction without a savepoint per item (two
    // statements less per request). If anything in it fails, nothing of it is kept and the batch
    // is replayed one savepoint per item, so only the failing transactions are rejected.
    const skip = supersededDeferredChanges(batch);
    let outcomes: (Map<PendingChange, number> | Error)[];
    try {
      outcomes = this.db.transaction(() => batch.map((item) => this.writeWork(item.work, skip)))();
    } catch {
      outcomes = [];
      const one = this.db.transaction((work: CommitWork) => this.writeWork(work, skip));
      try {
        this.db.transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push(one(item.work));
            } catch (e) {
              outcomes.push(e instanceof Error ? e : new Error(String(e)));
            }
          }
        })();
      } catch (e) {
        for (const item of batch) item.reject(e);
        reportLostDeferred(batch, e);
        return;
      }
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Map) {
        this.applyToCache(item.work, outcome);
        item.resolve();
      } else {
        item.reject(outcome ?? new Error('commit failed'));
        reportLostDeferred([item], outcome);
      }
    });
  }

  private writeWork(
    work: CommitWork,
    skip: ReadonlySet<PendingChange> = NOTHING,
  ): Map<PendingChange, number> {
    const seqs = new Map<PendingChange, number>();
    for (const change of work.changes) {
      if (skip.has(change)) continue;
      const { account, region } = change.scope;
      if (change.value === undefined) {
        this.remove.run(account, region, change.kind, change.id);
      } else {
        const seq = this.cached(change.bucket, change.id)?.seq ?? this.nextSeq++;
        seqs.set(change, seq);
        this.upsert.run(account, region, change.kind, change.id, seq, JSON.stringify(change.value));
      }
    }
    for (const [name, value] of work.counters) this.saveCounter.run(name, value);
    for (const extra of work.extra) extra();
    return seqs;
  }

  private applyToCache(work: CommitWork, seqs: ReadonlyMap<PendingChange, number>): void {
    for (const change of work.changes) {
      if (change.value === undefined) this.cacheDelete(change.kind, change.scope, change.id);
      else {
        const seq =
          seqs.get(change) ?? this.cached(change.bucket, change.id)?.seq ?? this.nextSeq++;
        this.cacheSet(change.kind, {
          seq,
          scope: change.scope,
          id: change.id,
          value: change.value,
        });
      }
    }
  }
}

/** A write-behind transaction whose write failed: its reply is gone, so say so in the log. */
function reportLostDeferred(batch: readonly QueuedWork[], cause: unknown): void {
  const lost = batch.filter((item) => item.work.deferrable).length;
  if (lost > 0) console.error(`[sandbox] ${lost} write-behind transaction(s) not saved:`, cause);
}
