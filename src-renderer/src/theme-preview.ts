import { useSyncExternalStore } from 'react';
import type { Settings } from '../../src-shared/schemas/settings';

type Theme = Settings['theme'];
type Listener = () => void;

let preview: Theme | null = null;
const listeners = new Set<Listener>();

/**
 * A theme chosen in Settings but not saved yet. The window shows it at once; saving keeps it, and
 * leaving Settings without saving goes back to the saved theme (the form clears the preview when
 * it saves or unmounts).
 */
export const themePreview = {
  set(theme: Theme | null): void {
    if (theme === preview) return;
    preview = theme;
    for (const listener of listeners) listener();
  },
  get(): Theme | null {
    return preview;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useThemePreview(): Theme | null {
  return useSyncExternalStore(themePreview.subscribe, themePreview.get, themePreview.get);
}
