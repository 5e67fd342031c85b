import type { Client } from '../../api/client';
import type { SavedView, ViewStore } from './data-table-types';

/**
 * A table's saved views kept by main (views.get/save/delete, in the data dir): the page's own
 * storage is lost whenever browser mode starts on another port, which is another origin.
 */
export function createMainViewStore(api: Client, table: string): ViewStore {
  const views = async (answer: Promise<{ views: SavedView[] }>) => (await answer).views;
  const copy = (view: SavedView) => ({
    ...view,
    sorting: view.sorting.map((sort) => ({ ...sort })),
    filters: view.filters.map((f) => ({
      id: f.id,
      value: typeof f.value === 'string' ? f.value : [...f.value],
    })),
    columns: { ...view.columns },
  });
  return {
    list: () => views(api.views.get({ table })),
    save: (view) => views(api.views.save({ table, view: copy(view) })),
    remove: (name) => views(api.views.delete({ table, name })),
  };
}
