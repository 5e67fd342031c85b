import { expect, type Locator, type Page } from '@playwright/test';

/** The sandbox's prod administrator, as the app names its profile. */
export const SANDBOX_PROD = 'sandbox:prod';

/** The Key detail page (`#/keys/<profileId>/<region>/<keyId>`) as a user sees it. */
export class KeyDetailPage {
  constructor(readonly page: Page) {}

  /** Opens the key's page directly, as the inventory's "Open" does. */
  async open(keyId: string, options: { profileId?: string; region?: string; tab?: string } = {}) {
    const { profileId = SANDBOX_PROD, region = 'us-east-1', tab } = options;
    const hash = `#/keys/${encodeURIComponent(profileId)}/${region}/${keyId}${tab ? `?tab=${tab}` : ''}`;
    // A hash route: the page stays, its session with it.
    await this.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
    await expect(this.page.getByTestId('key-id')).toHaveText(keyId, { timeout: 30_000 });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  state(): Locator {
    return this.page.getByTestId('key-state');
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Types the confirmation word of a ConfirmDestructive dialog. */
  async typeToConfirm(dialog: Locator, word: string): Promise<void> {
    await dialog.getByRole('textbox', { name: `Type ${word} to confirm` }).fill(word);
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('[data-toast]').filter({ hasText: text });
  }
}
