import type { Icon } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';

/** Something the page on screen can do, offered in the command palette while it is mounted. */
export interface PaletteAction {
  /** Unique in the palette; an action of the shell with the same id gives way to this one. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly icon?: Icon;
  /** More words that find it (never shown). */
  readonly keywords?: readonly string[];
  readonly run: () => void;
}

type Listener = () => void;

/**
 * The actions of the mounted pages, in the order they were registered. The palette reads it
 * when it loads (it may load after the page) and follows it while open.
 */
export function createPageActions() {
  const registered = new Map<symbol, readonly PaletteAction[]>();
  const listeners = new Set<Listener>();
  let snapshot: readonly PaletteAction[] = [];

  function changed(): void {
    snapshot = [...registered.values()].flat();
    for (const listener of listeners) listener();
  }

  return {
    /** Stable between changes, as useSyncExternalStore wants. */
    get: (): readonly PaletteAction[] => snapshot,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    register(actions: readonly PaletteAction[]): () => void {
      const key = Symbol('page actions');
      registered.set(key, actions);
      changed();
      return () => {
        registered.delete(key);
        changed();
      };
    },
  };
}

export const pageActions = createPageActions();

/**
 * Offers `actions` in the command palette while the calling component is mounted. They may be
 * written inline: they are registered again only when their ids, labels, descriptions or
 * keywords change, and each runs the handler of the latest render.
 */
export function usePaletteActions(actions: readonly PaletteAction[]): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  // What the palette shows of them; an icon is taken as first given.
  const shown = JSON.stringify(
    actions.map(({ id, label, description, keywords }) => [id, label, description, keywords]),
  );
  useEffect(
    () =>
      pageActions.register(
        latest.current.map((action) => ({
          ...action,
          run: () => latest.current.find((current) => current.id === action.id)?.run(),
        })),
      ),
    [shown],
  );
}
