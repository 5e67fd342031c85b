import { createSpotlight } from '@mantine/spotlight';

/** The palette's open state, shared by the header button, the shortcut and the lazy palette. */
export const [paletteStore, palette] = createSpotlight();

/** Opens the palette from anywhere (⌘K on Apple keyboards). */
export const PALETTE_SHORTCUT = 'mod+K';
