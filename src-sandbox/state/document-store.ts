import type { SqliteDatabase } from '../../src-node/sqlite/open-database';
import {
  bucketKey,
  deepFreeze,
  SEP,
  type CachedDocument,
  type CommitWork,
  type PendingChange,
} from './store-internals';
import { Transaction } from './store-transaction';
import { TransactionConflict, WriteVersions, type ReadSet } from './write-versions';
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

type Seqs = ReadonlyMap<PendingChange, number>;

interface QueuedWork {
  readonly work: CommitWork;
  readonly seqs: Seqs;
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
 * Documents live fully in memory; reads never touch sqlite. Transactions are serialisable:
 * each one records what it read, and its commit is refused (`TransactionConflict`, see
 * `transact`) if another transaction committed a change to any of it since it began. A commit
 * is applied to the memory state at once, in commit order, so every later transaction sees it;
 * its sqlite write is grouped with the others of the same turn of the event loop (group commit)
 * and `commitBatched` resolves only once it is in the WAL, so a reply is sent only for durable
 * work. A transaction that read another's effects commits after it, hence lands in the same or a
 * later sqlite batch: nothing acknowledged can depend on something lost. If a batch's write
 * fails, the transactions before the failing one are kept, it and every one after it are
 * rejected, and the memory state is reloaded from sqlite.
 *
 * Write-behind transactions (only `deferrable` kinds, e.g. key last usage, plus CloudTrail
 * records of the call) resolve at once and are written with the next flush, at most
 * DEFERRED_FLUSH_MS later. A `kill -9` can lose those last milliseconds of write-behind work
 * and nothing else.
 */
export class DocumentStore implements StoreReader {
  private readonly buckets = new Map<string, Map<string, CachedDocument>>();
  /** kind → id → bucket keys holding that id */
  private readonly byId = new Map<string, Map<string, Set<string>>>();
  private readonly counters = new Map<string, number>();
  private readonly queue: QueuedWork[] = [];
  /** A flush is scheduled: `now` on the next turn (a durable commit waits), `later` by timer. */
  private scheduled: { readonly kind: 'now' | 'later'; readonly cancel: () => void } | undefined;
  private closed = false;
  private nextSeq = 1;
  /** Commit number: how many transactions changed the memory state so far. */
  private version = 0;
  /** Transactions that began before this commit number read a state that was thrown away. */
  private reloadedAt = 0;
  private readonly versions = new WriteVersions();
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
    this.buckets.clear();
    this.byId.clear();
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
    for (const c of counters) {
      this.counters.set(c.name, Math.max(c.value, this.counters.get(c.name) ?? 0));
    }
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
    return new Transaction(this, this.version);
  }

  /** Run `work` in a transaction and commit it (rolls back if it throws). */
  write<R>(work: (tx: StoreTransaction) => R): R {
    const tx = this.begin();
    const result = work(tx);
    tx.commit();
    return result;
  }

  /**
   * @internal Refuses a commit whose reads another transaction changed since `began`. Flushes
   * first: a failed flush reloads the state, which every open transaction then conflicts with.
   */
  private validate(reads: ReadSet, began: number): void {
    if (began < this.reloadedAt) throw new TransactionConflict('reloaded state');
    if (began === this.version) return;
    const stale = reads.staleSince(began, this.versions);
    if (stale !== undefined) throw new TransactionConflict(stale);
  }

  /** @internal writes a transaction's changes in one sqlite transaction, then updates memory. */
  apply(work: CommitWork, reads: ReadSet, began: number): void {
    if (this.closed) throw new Error('The sandbox stopped before this change was written.');
    this.flushPending(); // keep commit order: queued transactions first
    this.validate(reads, began);
    const seqs = this.assignSeqs(work);
    this.db.transaction(() => this.writeWork(work, seqs))();
    this.applyToMemory(work, seqs);
  }

  /**
   * @internal Group commit: the transaction is applied to memory now (later transactions see
   * it) and written to sqlite together with the others committed in this turn of the event loop.
   * The promise resolves once the data is in the WAL — reply only after that.
   */
  applyBatched(work: CommitWork, reads: ReadSet, began: number): Promise<void> {
    try {
      this.validate(reads, began);
    } catch (e) {
      return Promise.reject(e);
    }
    const seqs = this.assignSeqs(work);
    this.applyToMemory(work, seqs);
    if (work.deferrable) {
      // Write-behind: visible now, in sqlite with the next flush.
      this.queue.push({ work, seqs, resolve: settled, reject: settled });
      this.schedule(this.queue.length >= DEFERRED_MAX_QUEUE ? 'now' : 'later');
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ work, seqs, resolve, reject });
      this.schedule('now');
    });
  }

  /** Row order of each document written: its old one, or the next for a new document. */
  private assignSeqs(work: CommitWork): Seqs {
    const seqs = new Map<PendingChange, number>();
    for (const change of work.changes) {
      if (change.value !== undefined) {
        seqs.set(change, this.cached(change.bucket, change.id)?.seq ?? this.nextSeq++);
      }
    }
    return seqs;
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
    if (this.queue.length === 0) return;
    if (this.closed) this.refuseAfterClose();
    else this.flush();
  }

  /**
   * Writes what is queued and takes no more writes: a request still running when the server
   * stopped (its connection already gone) may commit later, and sqlite is closed by then.
   */
  close(): void {
    this.flushPending();
    this.closed = true;
  }

  private refuseAfterClose(): void {
    const stopped = new Error('The sandbox stopped before this change was written.');
    for (const item of this.queue.splice(0)) item.reject(stopped);
  }

  private flush(): void {
    const batch = this.queue.splice(0);
    // Fast path: the whole batch in one sqlite transaction without a savepoint per item (two
    // statements less per request). If anything in it fails, nothing of it is kept and the batch
    // is replayed one savepoint per item up to the first failure.
    const skip = supersededDeferredChanges(batch);
    try {
      this.db.transaction(() => {
        for (const item of batch) this.writeWork(item.work, item.seqs, skip);
      })();
    } catch {
      this.recoverFailedBatch(batch, skip);
      return;
    }
    for (const item of batch) item.resolve();
  }

  /**
   * Keeps the transactions before the first one that cannot be written; rejects it and all
   * after it (they may have read its effects), then reloads memory from sqlite.
   */
  private recoverFailedBatch(batch: readonly QueuedWork[], skip: ReadonlySet<PendingChange>): void {
    const one = this.db.transaction((item: QueuedWork) =>
      this.writeWork(item.work, item.seqs, skip),
    );
    let written = 0;
    let failure: unknown;
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            one(item);
            written++;
          } catch (e) {
            failure = e;
            return;
          }
        }
      })();
    } catch (e) {
      written = 0;
      failure = e;
    }
    this.reloadedAt = ++this.version;
    this.versions.clear();
    this.load();
    batch.forEach((item, i) => {
      if (i < written) item.resolve();
      else
        item.reject(i === written ? failure : new TransactionConflict('a failed commit before it'));
    });
    reportLostDeferred(batch.slice(written), failure);
  }

  private writeWork(
    work: CommitWork,
    seqs: Seqs,
    skip: ReadonlySet<PendingChange> = NOTHING,
  ): void {
    for (const change of work.changes) {
      if (skip.has(change)) continue;
      const { account, region } = change.scope;
      const seq = seqs.get(change);
      if (change.value === undefined || seq === undefined) {
        this.remove.run(account, region, change.kind, change.id);
      } else {
        this.upsert.run(account, region, change.kind, change.id, seq, JSON.stringify(change.value));
      }
    }
    for (const [name, value] of work.counters) this.saveCounter.run(name, value);
    for (const extra of work.extra) extra();
  }

  private applyToMemory(work: CommitWork, seqs: Seqs): void {
    const version = ++this.version;
    for (const change of work.changes) {
      this.versions.record(change, version);
      const seq = seqs.get(change);
      if (change.value === undefined || seq === undefined) {
        this.cacheDelete(change.kind, change.scope, change.id);
      } else {
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
