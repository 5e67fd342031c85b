/**
 * The typed document store every service uses. State is a set of JSON documents addressed by
 * (account, region, kind, id). Values must be plain JSON (strings, numbers, booleans, null,
 * arrays, objects — no Date, no Buffer); store timestamps as ISO strings or epoch numbers.
 */
export interface Scope {
  readonly account: string;
  readonly region: string;
}

/** Region used for global services (IAM) and for sandbox metadata. */
export const GLOBAL_REGION = 'global';

declare const documentType: unique symbol;

/** A named document type. Create one per kind with `defineKind<T>('kms:key')`. */
export interface DocumentKind<T> {
  readonly name: string;
  /**
   * Write-behind: a transaction that changes only such documents (and adds CloudTrail records)
   * is written to sqlite within DEFERRED_FLUSH_MS instead of before the reply (see
   * DocumentStore). For bookkeeping that AWS itself reports late, e.g. key last usage.
   */
  readonly deferrable?: boolean;
  /** Phantom field: carries T for the type checker only, never set. */
  readonly [documentType]?: T;
}

export function defineKind<T>(
  name: string,
  options: { readonly deferrable?: boolean } = {},
): DocumentKind<T> {
  return options.deferrable === true ? { name, deferrable: true } : { name };
}

export interface StoredDocument<T> {
  readonly scope: Scope;
  readonly id: string;
  readonly value: T;
}

export interface StoreReader {
  get<T>(kind: DocumentKind<T>, scope: Scope, id: string): T | undefined;
  /** Every document of a kind in one scope, in insertion order. */
  list<T>(kind: DocumentKind<T>, scope: Scope): readonly T[];
  /** The first document of a kind with this id in any scope (ids such as access keys are global). */
  findById<T>(kind: DocumentKind<T>, id: string): StoredDocument<T> | undefined;
  /** Every document of a kind in every scope (for background work such as snapshot progress). */
  listAll<T>(kind: DocumentKind<T>): readonly StoredDocument<T>[];
}

export interface StoreWriter extends StoreReader {
  /** Insert or replace. The value is frozen; never mutate it afterwards. */
  put<T>(kind: DocumentKind<T>, scope: Scope, id: string, value: T): void;
  delete<T>(kind: DocumentKind<T>, scope: Scope, id: string): boolean;
  /** Monotonic, persistent counter (1, 2, 3 …) per sequence name; gaps are possible, repeats are not. */
  nextId(sequence: string): number;
}

/**
 * A unit of work: reads see the transaction's own writes; nothing reaches the cache or the
 * database until `commit()`, which writes every change (and any extra SQL work, e.g. CloudTrail
 * records) in ONE sqlite transaction.
 */
export interface StoreTransaction extends StoreWriter {
  /** Extra work to run inside the sqlite transaction at commit (e.g. inserting trail records). */
  onCommit(work: () => void): void;
  /** Drop the document writes made so far (keeps `onCommit` work). */
  discardChanges(): void;
  /** Commits now, synchronously (seeding, background work). */
  commit(): void;
  /**
   * Commits together with the other transactions finishing in this turn of the event loop
   * (group commit; the request path uses it). Resolves once durable, rejects if this
   * transaction's writes failed (nothing of it is applied then). A transaction that changes
   * only `deferrable` kinds (and adds onCommit work) is visible at once and resolves at once; it
   * reaches sqlite within DEFERRED_FLUSH_MS (write-behind; a kill -9 may lose it).
   */
  commitBatched(): Promise<void>;
}
