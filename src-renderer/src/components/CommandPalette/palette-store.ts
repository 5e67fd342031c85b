import { createSpotlight } from '@mantine/spotlight';

/** The palette's open state, shared by the header button, the shortcut and the lazy palette. */
export const [paletteStore, palette] = createSpotlight();
