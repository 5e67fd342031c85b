import { Suspense, useState, type ReactNode } from 'react';

/**
 * Mounts a lazily loaded dialog (lazyNamed) from its first opening on: its code loads when the
 * user first asks for it, not with the page, and it stays mounted afterwards so it can animate
 * closed and open again at once.
 */
export function LazyDialog({ opened, children }: { opened: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(opened);
  if (opened && !wanted) setWanted(true);
  return wanted ? <Suspense fallback={null}>{children}</Suspense> : null;
}
