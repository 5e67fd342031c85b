import { expect, type Locator, type Page } from '@playwright/test';

/** The key policy editor (its own route until the key detail page holds it as a tab). */
export class KeyPolicyEditorPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('key-policy-editor');
  }

  async showJson(): Promise<void> {
    await this.page.getByRole('tab', { name: 'JSON' }).click();
    await expect(this.page.locator('.cm-content')).toBeVisible();
  }

  async showVisual(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Visual' }).click();
    await expect(this.page.getByTestId('policy-visual-view')).toBeVisible();
  }

  async jsonText(): Promise<string> {
    await this.showJson();
    return this.page.locator('.cm-content').evaluate((node) => {
      // CodeMirror keeps only the visible lines in the DOM: ask its view for the whole text.
      const docView = (node as unknown as { cmTile?: { view?: { state: { doc: object } } } })
        .cmTile;
      return docView?.view ? String(docView.view.state.doc) : (node.textContent ?? '');
    });
  }

  /** Replaces the whole JSON as a user pasting a policy would. */
  async replaceJson(policy: unknown): Promise<void> {
    await this.showJson();
    await this.page.locator('.cm-content').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(JSON.stringify(policy, null, 2));
  }

  async addOtherAccount(accountId: string): Promise<void> {
    await this.showVisual();
    const section = this.page.getByRole('region', { name: 'Other AWS accounts' });
    await section.getByRole('combobox').fill(accountId);
    await section.getByRole('button', { name: 'Add' }).click();
    await expect(section.locator('code')).toContainText(accountId);
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Review and save…' });
  }
}
