import {
  ActionIcon,
  Badge,
  Button,
  createTheme,
  Notification,
  type MantineColorsTuple,
} from '@mantine/core';
import classes from './theme.module.css';

// The shield blue of the Keyward icon.
const keyward: MantineColorsTuple = [
  '#e8f1ff',
  '#d0e0ff',
  '#a1bfff',
  '#6d9cff',
  '#437dfd',
  '#2a6afb',
  '#1f6feb',
  '#1257d4',
  '#084cbe',
  '#0b3d91',
];

export const theme = createTheme({
  primaryColor: 'keyward',
  colors: { keyward },
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Never cut a label (theme.module.css): badges and buttons keep their full text.
    Badge: Badge.extend({ classNames: { root: classes.badgeRoot, label: classes.badgeLabel } }),
    Button: Button.extend({ classNames: { root: classes.buttonRoot } }),
    ActionIcon: ActionIcon.extend({ classNames: { root: classes.buttonRoot } }),
    // Toasts must pass the same accessibility scan as pages: a named close button, and body
    // text in the full text colour (the default dimmed grey is below AA on the toast surface).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});
