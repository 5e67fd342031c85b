import {
  paginateListAliases,
  paginateListKeys,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { KeywardError } from '../../src-shared/errors';
import { collectPages } from '../aws/collect-pages';
import { buildRow, type RowPlace } from './build-row';
import { call, forEachLimited, stopsTheRead } from './calls';
import type { CachedKey } from './inventory-cache';
import { describeKey, readKeyDetails } from './key-details';
import { metadataFingerprint } from './metadata-fingerprint';

/** Keys of one cell read at once; the scheduler paces their calls within the quotas. */
const KEYS_AT_ONCE = 32;
const BATCH_ROWS = 100;
const BATCH_MS = 250;

export interface CellRead {
  readonly kms: KMSClient;
  readonly place: RowPlace;
  readonly signal: AbortSignal | undefined;
  /** incremental: rows of the last read, reused where DescribeKey shows no change. */
  readonly previous: ReadonlyMap<string, CachedKey> | null;
  /** Rows as they are read, in batches. */
  readonly onRows: (rows: readonly CachedKey[], listed: number) => void;
}

/** Alias names per target key id (aliases without a target, e.g. unused `aws/*`, are left out). */
async function aliasesByKey(
  kms: KMSClient,
  signal: AbortSignal | undefined,
  keyId?: string,
): Promise<Map<string, string[]>> {
  const aliases = await call(
    () =>
      collectPages(
        paginateListAliases({ client: kms, pageSize: 100 }, keyId ? { KeyId: keyId } : {}, {
          abortSignal: signal,
        }),
        (page) => page.Aliases,
      ),
    signal,
  );
  const byKey = new Map<string, string[]>();
  for (const alias of aliases) {
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    byKey.set(alias.TargetKeyId, [...(byKey.get(alias.TargetKeyId) ?? []), alias.AliasName]);
  }
  return byKey;
}

/**
 * A signal of the key's own that follows the operation's: every call (and its wait in the
 * scheduler) listens to it, so the operation's signal holds one listener per key in flight
 * rather than two per call — adding a listener costs a scan of those already there.
 */
async function withKeySignal<T>(
  parent: AbortSignal | undefined,
  work: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!parent) return work(undefined);
  const own = new AbortController();
  const follow = () => own.abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener('abort', follow, { once: true });
  try {
    return await work(own.signal);
  } finally {
    parent.removeEventListener('abort', follow);
  }
}

function readOneKey(
  read: CellRead,
  keyId: string,
  aliases: readonly string[],
): Promise<CachedKey | null> {
  return withKeySignal(read.signal, (signal) => readOneKeyWith(read, keyId, aliases, signal));
}

async function readOneKeyWith(
  read: CellRead,
  keyId: string,
  aliases: readonly string[],
  signal: AbortSignal | undefined,
): Promise<CachedKey | null> {
  const { kms } = read;
  let metadata: KeyMetadata;
  try {
    metadata = await describeKey(kms, keyId, signal);
  } catch (error) {
    // Deleted between ListKeys and DescribeKey: it is simply gone.
    if (error instanceof KeywardError && error.code === 'not-found') return null;
    throw error;
  }
  const fingerprint = metadataFingerprint(metadata);
  const previous = read.previous?.get(keyId);
  if (previous && previous.fingerprint === fingerprint) {
    return { fingerprint, row: { ...previous.row, aliases: [...aliases].sort() } };
  }
  const details = await readKeyDetails(kms, metadata, signal);
  return { fingerprint, row: buildRow(read.place, aliases, details) };
}

/** Streams rows in batches: every BATCH_ROWS rows or BATCH_MS, whichever comes first. */
function batcher(read: CellRead, listed: () => number) {
  let pending: CachedKey[] = [];
  let lastFlush = Date.now();
  const flush = () => {
    if (pending.length === 0) return;
    read.onRows(pending, listed());
    pending = [];
    lastFlush = Date.now();
  };
  return {
    add(entry: CachedKey) {
      pending.push(entry);
      if (pending.length >= BATCH_ROWS || Date.now() - lastFlush >= BATCH_MS) flush();
    },
    flush,
  };
}

/** Keys whose DescribeKey failed for a reason of their own (e.g. a key policy that denies it). */
export interface Unreadable {
  readonly keyId: string;
  readonly error: unknown;
}

async function readKeys(
  read: CellRead,
  keyIds: readonly string[],
  aliases: ReadonlyMap<string, readonly string[]>,
): Promise<{ rows: CachedKey[]; unreadable: Unreadable[] }> {
  const rows: CachedKey[] = [];
  const unreadable: Unreadable[] = [];
  const batch = batcher(read, () => keyIds.length);
  let failure: { error: unknown } | undefined;
  await forEachLimited(keyIds, KEYS_AT_ONCE, async (keyId) => {
    if (failure) return;
    try {
      const entry = await readOneKey(read, keyId, aliases.get(keyId) ?? []);
      if (!entry) return;
      rows.push(entry);
      batch.add(entry);
    } catch (error) {
      if (stopsTheRead(error, read.signal)) failure ??= { error };
      else unreadable.push({ keyId, error });
    }
  });
  batch.flush();
  if (failure) throw failure.error;
  return { rows, unreadable };
}

/** Every key of one (profile, region): ListKeys and ListAliases, then each key's details. */
export async function readCell(
  read: CellRead,
): Promise<{ rows: CachedKey[]; keyIds: string[]; unreadable: Unreadable[] }> {
  const { kms, signal } = read;
  const [keys, aliases] = await Promise.all([
    call(
      () =>
        collectPages(
          paginateListKeys({ client: kms, pageSize: 1000 }, {}, { abortSignal: signal }),
          (page) => page.Keys,
        ),
      signal,
    ),
    aliasesByKey(kms, signal),
  ]);
  const keyIds = keys.flatMap((key) => (key.KeyId ? [key.KeyId] : []));
  const { rows, unreadable } = await readKeys(read, keyIds, aliases);
  return { rows, keyIds: rows.map((entry) => entry.row.keyId), unreadable };
}

/** Only the named keys of one cell, every call made again (after a change made in Keyward). */
export async function readCellKeys(
  read: CellRead,
  keyIds: readonly string[],
): Promise<{ rows: CachedKey[]; unreadable: Unreadable[] }> {
  const aliases = new Map<string, string[]>();
  await forEachLimited(keyIds, KEYS_AT_ONCE, async (keyId) => {
    const found = await aliasesByKey(read.kms, read.signal, keyId).catch((error: unknown) => {
      if (error instanceof KeywardError && error.code === 'not-found')
        return new Map<string, string[]>();
      throw error;
    });
    aliases.set(keyId, [...found.values()].flat());
  });
  return readKeys({ ...read, previous: null }, keyIds, aliases);
}
