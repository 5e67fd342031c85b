import { expect, type Locator, type Page } from '@playwright/test';
import { landing } from '../../src-renderer/src/landing';

export const navPages = [
  { label: 'Keys', path: '/keys', heading: 'Keys' },
  { label: 'Snapshots', path: '/snapshots', heading: 'Snapshots' },
  { label: 'AMIs', path: '/amis', heading: 'AMIs' },
  { label: 'Runs', path: '/runs', heading: 'Runs' },
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

  /** The heading of the page Keyward opens on (src-renderer/src/landing.ts). */
  landingHeading(): Locator {
    return this.heading(landing.label);
  }

  async open(label: string): Promise<void> {
    await this.nav(label).click();
  }

  /** The header's profile picker: a button named "Active profile: <name> · <account>". */
  profilePicker(): Locator {
    return this.page.getByTestId('profile-picker');
  }

  /** The header's region picker: a button named "Region: <code> · <name>". */
  regionPicker(): Locator {
    return this.page.getByTestId('region-picker');
  }

  /** Opens the profile picker, types `query` into its empty search box and takes the best match. */
  async chooseProfile(query: string): Promise<void> {
    await this.pick(this.profilePicker(), 'Search profiles', query);
  }

  /** Opens the region picker, types `query` (a code or a name) and takes the best match. */
  async chooseRegion(query: string): Promise<void> {
    await this.pick(this.regionPicker(), 'Search regions', query);
  }

  private async pick(picker: Locator, searchLabel: string, query: string): Promise<void> {
    await picker.click();
    const search = this.page.getByRole('combobox', { name: searchLabel });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    await search.pressSequentially(query);
    await search.press('Enter');
    await expect(search).toBeHidden();
  }

  paletteSearch(): Locator {
    return this.page.getByRole('textbox', { name: 'Search pages and actions' });
  }

  /** An entry of the open palette, by its label (the highlighted query splits its name). */
  paletteEntry(label: string): Locator {
    return this.page.getByRole('dialog').getByRole('button').filter({ hasText: label });
  }

  /**
   * Opens the palette with Ctrl+K, types `query`, waits until `first` is the highlighted (first)
   * entry and runs it with Enter.
   */
  async runInPalette(query: string, first: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.paletteSearch()).toBeFocused();
    await this.paletteSearch().fill(query);
    await expect(this.paletteEntry(first)).toHaveAttribute('data-selected', 'true');
    await this.page.keyboard.press('Enter');
    await expect(this.paletteSearch()).toBeHidden();
  }

  async colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }
}
