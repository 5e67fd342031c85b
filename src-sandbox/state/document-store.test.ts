import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { DocumentStore } from './document-store';
import { defineKind } from './store-types';

interface Widget {
  readonly name: string;
  readonly size: number;
}
const WIDGET = defineKind<Widget>('test:widget');
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
});
