import type { Locator, Page } from '@playwright/test';

export const navPages = [
  { label: 'Keys', path: '/keys', heading: 'Keys' },
  { label: 'Snapshots', path: '/snapshots', heading: 'Snapshots' },
  { label: 'AMIs', path: '/amis', heading: 'AMIs' },
  { label: 'Audit', path: '/audit', heading: 'Audit' },
  { label: 'Workbench', path: '/workbench', heading: 'Workbench' },
  { label: 'Profiles', path: '/profiles', heading: 'Profiles' },
  { label: 'Settings', path: '/settings', heading: 'Settings' },
] as const;

/** The app shell as a user sees it: navigation, header pickers, palette, about. */
export class ShellPage {
  constructor(readonly page: Page) {}

  nav(label: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: label, exact: true });
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: text });
  }

  async open(label: string): Promise<void> {
    await this.nav(label).click();
  }

  async colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }
}
