import type { SavedView, ViewStore } from './data-table-types';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isSavedView(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Record<string, unknown>;
  return (
    typeof view.name === 'string' &&
    typeof view.search === 'string' &&
    Array.isArray(view.sorting) &&
    Array.isArray(view.filters) &&
    typeof view.columns === 'object' &&
    view.columns !== null
  );
}

/**
 * Saved views in the page's localStorage under `keyward.views.<table>`. Views name columns,
 * filters and a search — nothing secret — so the renderer may keep them itself. A damaged entry
 * reads as no views rather than breaking the table.
 */
export function createLocalViewStore(
  table: string,
  storage: StorageLike = localStorage,
): ViewStore {
  const key = `keyward.views.${table}`;
  const read = (): SavedView[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
    } catch {
      return [];
    }
  };
  const write = (views: readonly SavedView[]) => storage.setItem(key, JSON.stringify(views));
  return {
    list: read,
    save(view) {
      write([...read().filter((other) => other.name !== view.name), view]);
    },
    remove(name) {
      write(read().filter((view) => view.name !== name));
    },
  };
}

/** Views kept for the life of the page only (tests, or a table whose views need not last). */
export function createMemoryViewStore(initial: readonly SavedView[] = []): ViewStore {
  let views = [...initial];
  return {
    list: () => views,
    save(view) {
      views = [...views.filter((other) => other.name !== view.name), view];
    },
    remove(name) {
      views = views.filter((view) => view.name !== name);
    },
  };
}
