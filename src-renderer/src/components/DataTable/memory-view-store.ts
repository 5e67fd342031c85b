import type { SavedView, ViewStore } from './data-table-types';

/** Views kept for the life of the page only (tests, or a table whose views need not last). */
export function createMemoryViewStore(initial: readonly SavedView[] = []): ViewStore {
  let views = [...initial];
  return {
    list: () => Promise.resolve(views),
    save(view) {
      views = [...views.filter((other) => other.name !== view.name), view];
      return Promise.resolve(views);
    },
    remove(name) {
      views = views.filter((view) => view.name !== name);
      return Promise.resolve(views);
    },
  };
}
