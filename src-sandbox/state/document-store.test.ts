import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { DEFERRED_FLUSH_MS, DocumentStore } from './document-store';
import { defineKind } from './store-types';
import { transact } from './transact';
import { TransactionConflict } from './write-versions';

interface Widget {
  readonly name: string;
  readonly size: number;
}
const WIDGET = defineKind<Widget>('test:widget');
const USAGE = defineKind<Widget>('test:usage', { deferrable: true });
const A = { account: '111111111111', region: 'us-east-1' };
const B = { account: '222222222222', region: 'eu-west-1' };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fresh(): { dir: string; open: () => { store: DocumentStore; close: () => void } } {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-store-'));
  dirs.push(dir);
  return {
    dir,
    open: () => {
      const db = openDatabase(dir);
      return { store: new DocumentStore(db), close: () => db.close() };
    },
  };
}

describe('DocumentStore', () => {
  it('isolates uncommitted writes, then persists them on commit', () => {
    const f = fresh();
    const { store, close } = f.open();
    const tx = store.begin();
    tx.put(WIDGET, A, 'w1', { name: 'one', size: 1 });
    tx.put(WIDGET, A, 'w2', { name: 'two', size: 2 });
    expect(tx.get(WIDGET, A, 'w1')?.name).toBe('one');
    expect(store.get(WIDGET, A, 'w1')).toBeUndefined();
    tx.commit();
    expect(store.list(WIDGET, A).map((w) => w.name)).toEqual(['one', 'two']);
    expect(store.list(WIDGET, B)).toEqual([]);
    expect(store.findById(WIDGET, 'w2')?.scope).toEqual(A);
    expect(Object.isFrozen(store.get(WIDGET, A, 'w1'))).toBe(true);
    close();
    const reopened = f.open();
    expect(reopened.store.list(WIDGET, A).map((w) => w.name)).toEqual(['one', 'two']);
    reopened.close();
  });

  it('keeps order on update, deletes, and discards changes on request', () => {
    const { store, close } = fresh().open();
    store.write((tx) => {
      tx.put(WIDGET, A, 'a', { name: 'a', size: 1 });
      tx.put(WIDGET, A, 'b', { name: 'b', size: 1 });
    });
    const tx = store.begin();
    tx.put(WIDGET, A, 'a', { name: 'a2', size: 2 });
    expect(tx.delete(WIDGET, A, 'b')).toBe(true);
    tx.put(WIDGET, A, 'c', { name: 'c', size: 3 });
    expect(tx.list(WIDGET, A).map((w) => w.name)).toEqual(['a2', 'c']);
    tx.commit();
    expect(store.list(WIDGET, A).map((w) => w.name)).toEqual(['a2', 'c']);
    const dropped = store.begin();
    dropped.put(WIDGET, A, 'd', { name: 'd', size: 4 });
    dropped.discardChanges();
    dropped.commit();
    expect(store.get(WIDGET, A, 'd')).toBeUndefined();
    close();
  });

  it('hands out monotonic ids that survive a restart', () => {
    const f = fresh();
    const first = f.open();
    const ids = first.store.write((tx) => [tx.nextId('key'), tx.nextId('key'), tx.nextId('other')]);
    expect(ids).toEqual([1, 2, 1]);
    first.close();
    const second = f.open();
    expect(second.store.write((tx) => tx.nextId('key'))).toBe(3);
    second.close();
  });

  it('runs onCommit work inside the same sqlite transaction', () => {
    const { store, close } = fresh().open();
    const tx = store.begin();
    tx.put(WIDGET, A, 'x', { name: 'x', size: 1 });
    tx.onCommit(() => {
      throw new Error('boom');
    });
    expect(() => tx.commit()).toThrow('boom');
    expect(store.get(WIDGET, A, 'x')).toBeUndefined();
    close();
  });

  it('writes a durable transaction before its commit resolves', async () => {
    const f = fresh();
    const { store, close } = f.open();
    const tx = store.begin();
    tx.put(WIDGET, A, 'durable', { name: 'durable', size: 1 });
    await tx.commitBatched();
    // A second connection reads the file itself, not this store's cache.
    const other = f.open();
    expect(other.store.get(WIDGET, A, 'durable')?.name).toBe('durable');
    other.close();
    close();
  });

  it('writes behind a transaction of deferrable kinds: visible at once, saved within the flush interval', async () => {
    const f = fresh();
    const { store, close } = f.open();
    const tx = store.begin();
    tx.put(USAGE, A, 'k1', { name: 'used', size: 1 });
    await tx.commitBatched();
    expect(store.get(USAGE, A, 'k1')?.name).toBe('used');
    const peek = () => {
      const other = f.open();
      const value = other.store.get(USAGE, A, 'k1')?.name;
      other.close();
      return value;
    };
    expect(peek()).toBeUndefined();
    await new Promise((r) => setTimeout(r, DEFERRED_FLUSH_MS * 5));
    expect(peek()).toBe('used');
    close();
  });

  it('after close, keeps what was queued and refuses later commits instead of writing to a closed database', async () => {
    const f = fresh();
    const { store, close } = f.open();
    const before = store.begin();
    before.put(USAGE, A, 'queued', { name: 'queued', size: 1 });
    await before.commitBatched(); // written behind: still only queued
    store.close();
    close();
    // A request that was still running when the server stopped commits now.
    const late = store.begin();
    late.put(WIDGET, A, 'late', { name: 'late', size: 1 });
    await expect(late.commitBatched()).rejects.toThrow('The sandbox stopped');
    const lateBehind = store.begin();
    lateBehind.put(USAGE, A, 'late-behind', { name: 'late', size: 1 });
    await lateBehind.commitBatched();
    await new Promise((r) => setTimeout(r, DEFERRED_FLUSH_MS * 3)); // the flush timer finds it closed
    const reopened = f.open();
    expect(reopened.store.get(USAGE, A, 'queued')?.name).toBe('queued');
    expect(reopened.store.get(WIDGET, A, 'late')).toBeUndefined();
    reopened.close();
  });

  it('keeps commit order between written-behind and durable transactions', async () => {
    const f = fresh();
    const { store, close } = f.open();
    const later = store.begin();
    later.put(USAGE, A, 'k1', { name: 'first', size: 1 });
    await later.commitBatched();
    // A durable transaction mixing kinds is not written behind, and lands after the first.
    const mixed = store.begin();
    mixed.delete(USAGE, A, 'k1');
    mixed.put(WIDGET, A, 'w', { name: 'w', size: 1 });
    const durable = mixed.commitBatched();
    const after = store.begin();
    after.put(USAGE, A, 'k2', { name: 'second', size: 2 });
    await Promise.all([durable, after.commitBatched()]);
    expect(store.get(USAGE, A, 'k1')).toBeUndefined();
    store.flushPending();
    close();
    const reopened = f.open();
    expect(reopened.store.get(USAGE, A, 'k1')).toBeUndefined();
    expect(reopened.store.get(USAGE, A, 'k2')?.name).toBe('second');
    expect(reopened.store.get(WIDGET, A, 'w')?.name).toBe('w');
    reopened.close();
  });

  it('shows a group-committed transaction to the next one before it is durable', async () => {
    const { store, close } = fresh().open();
    const first = store.begin();
    first.put(WIDGET, A, 'w', { name: 'first', size: 1 });
    const durable = first.commitBatched();
    const second = store.begin();
    expect(second.get(WIDGET, A, 'w')?.name).toBe('first');
    second.put(WIDGET, A, 'w', { name: 'second', size: 2 });
    await Promise.all([durable, second.commitBatched()]);
    expect(store.get(WIDGET, A, 'w')?.name).toBe('second');
    close();
  });

  it('refuses the commit of a transaction whose reads another commit changed', async () => {
    const { store, close } = fresh().open();
    store.write((tx) => tx.put(WIDGET, A, 'w', { name: 'w', size: 1 }));
    const reads = [
      (tx: ReturnType<typeof store.begin>) => tx.get(WIDGET, A, 'w'),
      (tx: ReturnType<typeof store.begin>) => tx.list(WIDGET, A),
      (tx: ReturnType<typeof store.begin>) => tx.findById(WIDGET, 'w'),
      (tx: ReturnType<typeof store.begin>) => tx.listAll(WIDGET),
    ];
    for (const read of reads) {
      const slow = store.begin();
      read(slow);
      slow.put(WIDGET, B, 'mark', { name: 'slow', size: 0 });
      await store.begin().commitBatched(); // a commit that changes nothing conflicts with nothing
      const fast = store.begin();
      fast.put(WIDGET, A, 'w', { name: 'fast', size: 2 });
      await fast.commitBatched();
      await expect(slow.commitBatched()).rejects.toBeInstanceOf(TransactionConflict);
      expect(store.get(WIDGET, B, 'mark')).toBeUndefined();
    }
    // Reading that something is absent is a read too.
    const absent = store.begin();
    expect(absent.get(WIDGET, A, 'new')).toBeUndefined();
    absent.put(WIDGET, A, 'new', { name: 'absent-was-read', size: 0 });
    store.write((tx) => tx.put(WIDGET, A, 'new', { name: 'other', size: 1 }));
    expect(() => absent.commit()).toThrow(TransactionConflict);
    expect(store.get(WIDGET, A, 'new')?.name).toBe('other');
    // A change elsewhere does not conflict.
    const unrelated = store.begin();
    unrelated.get(WIDGET, A, 'w');
    unrelated.put(WIDGET, A, 'u', { name: 'u', size: 0 });
    store.write((tx) => tx.put(WIDGET, B, 'elsewhere', { name: 'e', size: 0 }));
    await unrelated.commitBatched();
    expect(store.get(WIDGET, A, 'u')?.name).toBe('u');
    close();
  });

  it('transact runs read-modify-writes that await in the middle one at a time: none is lost', async () => {
    const f = fresh();
    const { store, close } = f.open();
    store.write((tx) => tx.put(WIDGET, A, 'counter', { name: 'counter', size: 0 }));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        transact(store, async (tx) => {
          const size = tx.get(WIDGET, A, 'counter')?.size ?? 0;
          await new Promise((r) => setTimeout(r, i % 3)); // other calls are ready meanwhile
          tx.put(WIDGET, A, 'counter', { name: 'counter', size: size + 1 });
        }),
      ),
    );
    expect(store.get(WIDGET, A, 'counter')?.size).toBe(40);
    close();
    const reopened = f.open();
    expect(reopened.store.get(WIDGET, A, 'counter')?.size).toBe(40);
    reopened.close();
  });

  it('transact runs the work again when a write outside it changed what it read', async () => {
    const { store, close } = fresh().open();
    store.write((tx) => tx.put(WIDGET, A, 'counter', { name: 'counter', size: 0 }));
    let attempts = 0;
    await transact(store, async (tx) => {
      attempts++;
      const size = tx.get(WIDGET, A, 'counter')?.size ?? 0;
      await new Promise((r) => setTimeout(r, 1));
      // Background work (snapshot progress, say) commits synchronously, outside any lane.
      if (attempts === 1)
        store.write((bg) => bg.put(WIDGET, A, 'counter', { name: 'bg', size: 10 }));
      tx.put(WIDGET, A, 'counter', { name: 'counter', size: size + 1 });
    });
    expect(attempts).toBe(2);
    expect(store.get(WIDGET, A, 'counter')?.size).toBe(11);
    close();
  });

  it('when a batch cannot be written, keeps the transactions before the failing one and rejects it and the rest', async () => {
    const f = fresh();
    const { store, close } = f.open();
    const before = store.begin();
    before.put(WIDGET, A, 'before', { name: 'kept', size: 1 });
    const failing = store.begin();
    failing.put(WIDGET, A, 'failing', { name: 'lost', size: 2 });
    failing.onCommit(() => {
      throw new Error('disk full');
    });
    const outcomes = [before.commitBatched(), failing.commitBatched()];
    const after = store.begin();
    expect(after.get(WIDGET, A, 'failing')?.name).toBe('lost'); // read what then fails
    after.put(WIDGET, A, 'after', { name: 'depends on lost', size: 3 });
    outcomes.push(after.commitBatched());
    const settled = await Promise.allSettled(outcomes);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/disk full/);
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(TransactionConflict);
    expect(store.list(WIDGET, A).map((w) => w.name)).toEqual(['kept']);
    close();
    const reopened = f.open();
    expect(reopened.store.list(WIDGET, A).map((w) => w.name)).toEqual(['kept']);
    reopened.close();
  });
});
