/**
 * Which parts of the window hold unsaved changes. A router supports one navigation blocker at a
 * time, so every form registers here (useUnsavedChangesGuard) and one UnsavedChangesPrompt
 * blocks for all of them.
 */
type Listener = () => void;

const dirty = new Set<symbol>();
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const unsavedChanges = {
  set(owner: symbol, isDirty: boolean): void {
    const had = dirty.has(owner);
    if (isDirty === had) return;
    if (isDirty) dirty.add(owner);
    else dirty.delete(owner);
    emit();
  },
  /** Forget every unsaved change (the user chose to discard them). */
  clear(): void {
    if (dirty.size === 0) return;
    dirty.clear();
    emit();
  },
  any(): boolean {
    return dirty.size > 0;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
