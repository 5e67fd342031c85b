import { useHotkeys } from '@mantine/hooks';
import { useSpotlight } from '@mantine/spotlight';
import { Suspense, useState } from 'react';
import { lazyNamed } from '../../lazy-named';
import { PALETTE_SHORTCUT, palette, paletteStore } from './palette-store';

const CommandPalette = lazyNamed(() => import('./CommandPalette'), 'CommandPalette');

/**
 * Owns Ctrl/Cmd+K and loads the palette's code (Spotlight and its styles) the first time anything
 * opens it; it then stays mounted so it opens at once.
 */
export function LazyCommandPalette({ onAbout }: { onAbout: () => void }) {
  const { opened } = useSpotlight(paletteStore);
  const [wanted, setWanted] = useState(false);
  if (opened && !wanted) setWanted(true);
  useHotkeys([[PALETTE_SHORTCUT, palette.open]]);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <CommandPalette onAbout={onAbout} />
    </Suspense>
  );
}
