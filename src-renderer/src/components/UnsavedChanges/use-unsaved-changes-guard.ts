import { useEffect, useState, useSyncExternalStore } from 'react';
import { unsavedChanges } from './unsaved-changes.store';

/**
 * Protects a form's unsaved changes: while `dirty`, leaving the page (a link, the navigation, a
 * shortcut, the command palette, Back) asks "Discard unsaved changes?" first, and closing or
 * reloading the window asks the browser's own question. Call it in each form with its own dirty
 * state; the question is asked once for all of them by the UnsavedChangesPrompt in the shell.
 */
export function useUnsavedChangesGuard(dirty: boolean): void {
  const [owner] = useState(() => Symbol('unsaved-changes'));
  useEffect(() => {
    unsavedChanges.set(owner, dirty);
  }, [owner, dirty]);
  useEffect(() => () => unsavedChanges.set(owner, false), [owner]);
}

/** Whether any form in the window holds unsaved changes. */
export function useHasUnsavedChanges(): boolean {
  return useSyncExternalStore(unsavedChanges.subscribe, unsavedChanges.any, unsavedChanges.any);
}
