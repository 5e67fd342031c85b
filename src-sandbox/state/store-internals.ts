/** Internals shared by DocumentStore and its transactions. */
import type { Scope } from './store-types';

export interface CachedDocument {
  readonly seq: number;
  readonly scope: Scope;
  readonly id: string;
  readonly value: unknown;
}

export interface PendingChange {
  readonly bucket: string;
  readonly scope: Scope;
  readonly kind: string;
  readonly id: string;
  /** undefined = delete */
  readonly value: unknown;
  /** The kind is write-behind (DocumentKind.deferrable). */
  readonly deferrable: boolean;
}

export const SEP = '\u0000';
export const bucketKey = (kind: string, scope: Scope): string =>
  scope.account + SEP + scope.region + SEP + kind;

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface CommitWork {
  readonly changes: readonly PendingChange[];
  readonly counters: ReadonlyMap<string, number>;
  readonly extra: readonly (() => void)[];
  /** Only deferrable changes and no counters: may be written behind (DocumentStore). */
  readonly deferrable: boolean;
}
