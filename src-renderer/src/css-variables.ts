import type { CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's default "dimmed" text is below WCAG AA contrast on cards; ours is a step darker
 * (light) or lighter (dark) so secondary text stays readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': theme.colors.gray[7] ?? '#495057' },
  dark: { '--mantine-color-dimmed': theme.colors.dark[1] ?? '#b8b8b8' },
});
