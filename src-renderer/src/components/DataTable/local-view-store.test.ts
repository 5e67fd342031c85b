import { describe, expect, it } from 'vitest';
import type { SavedView } from './data-table-types';
import { createLocalViewStore } from './local-view-store';

function fakeStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const view: SavedView = {
  name: 'Disabled in prod',
  sorting: [{ id: 'alias', desc: false }],
  filters: [{ id: 'state', value: ['Disabled'] }],
  columns: { description: true },
  search: 'prod',
};

describe('createLocalViewStore', () => {
  it('keeps views per table, and a view saved again under its name replaces the old one', () => {
    const storage = fakeStorage();
    const store = createLocalViewStore('keys', storage);
    store.save(view);
    store.save({ ...view, search: 'backup' });
    expect(createLocalViewStore('keys', storage).list()).toEqual([{ ...view, search: 'backup' }]);
    expect(createLocalViewStore('snapshots', storage).list()).toEqual([]);
    expect([...storage.values.keys()]).toEqual(['keyward.views.keys']);
  });

  it('removes a view by name', () => {
    const store = createLocalViewStore('keys', fakeStorage());
    store.save(view);
    store.remove(view.name);
    expect(store.list()).toEqual([]);
  });

  it('reads a damaged entry as no views', () => {
    const storage = fakeStorage();
    storage.setItem('keyward.views.keys', '{not json');
    expect(createLocalViewStore('keys', storage).list()).toEqual([]);
    storage.setItem('keyward.views.keys', JSON.stringify([{ name: 1 }, view]));
    expect(createLocalViewStore('keys', storage).list()).toEqual([view]);
  });
});
