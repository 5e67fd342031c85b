import type { Locator, Page } from '@playwright/test';

/** The "Add a profile" dialog, IAM Identity Center tab. */
export class AddSsoDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a profile' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add profile' }).click();
    await this.dialog.locator('label', { hasText: /^IAM Identity Center$/ }).click();
  }

  /** Sandbox target, the demo values in one click, and a name. */
  async addSandboxDemo(name: string): Promise<void> {
    await this.dialog.getByLabel('Profile name').fill(name);
    await this.dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
    await this.dialog.getByRole('button', { name: 'Use the sandbox demo' }).click();
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }
}

/** The sign-in dialog of an SSO profile row. */
export class SsoSignInDialog {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly profile: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Sign in to “${profile}”` });
  }

  async start(): Promise<{ userCode: string; url: string }> {
    await this.page.getByRole('button', { name: `Sign in to ${this.profile}` }).click();
    const code = this.dialog.getByTestId('sso-user-code');
    await code.waitFor();
    return {
      userCode: (await code.textContent()) ?? '',
      url: (await this.dialog.getByTestId('sso-verification-url').textContent()) ?? '',
    };
  }
}
