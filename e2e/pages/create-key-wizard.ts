import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell';

export interface KeyChoice {
  readonly type: 'Symmetric' | 'Asymmetric RSA' | 'Asymmetric ECC' | 'HMAC';
  readonly spec?: string;
  readonly usage?: 'Encrypt and decrypt' | 'Sign and verify';
  readonly imported?: { readonly expires?: string };
  readonly replicas?: readonly string[];
  readonly alias: string;
  readonly tag?: { readonly key: string; readonly value: string };
}

/** The create-key wizard at /keys/new, driven as a user would (palette, radios, Next). */
export class CreateKeyWizardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new ShellPage(this.page).runInPalette('Create key', 'Create key');
    await expect(this.page.getByRole('heading', { name: 'Create key', level: 1 })).toBeVisible();
  }

  next(label: string): Locator {
    return this.page.getByRole('button', { name: `Next: ${label}` });
  }

  async chooseType(choice: KeyChoice): Promise<void> {
    const page = this.page;
    await page.getByRole('radio', { name: new RegExp(`^${choice.type}`) }).check();
    if (choice.spec) await this.pickSelect('Key spec', choice.spec);
    if (choice.usage) await this.pickSelect('Key usage', choice.usage);
    if (choice.imported) {
      await page.getByRole('radio', { name: /Imported/ }).check();
      if (choice.imported.expires) {
        await page.getByRole('radio', { name: 'Expires on a date' }).check();
        await page.getByLabel('Expires at the end of (UTC)').fill(choice.imported.expires);
      }
    }
    if (choice.replicas) {
      await page.getByRole('switch', { name: /Multi-Region key/ }).check();
      for (const region of choice.replicas) {
        const field = page.getByRole('combobox', { name: 'Replica Regions' });
        await field
          .or(page.getByRole('textbox', { name: 'Replica Regions' }))
          .first()
          .fill(region);
        await page.getByRole('option', { name: new RegExp(`^${region}`) }).click();
      }
      await page.keyboard.press('Escape');
    }
  }

  async pickSelect(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async name(choice: KeyChoice): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Alias' }).fill(choice.alias);
    await this.page.getByRole('textbox', { name: 'Description' }).fill(`e2e ${choice.type}`);
    if (choice.tag) {
      await this.page.getByRole('button', { name: 'Add tag' }).click();
      await this.page.getByRole('textbox', { name: 'Tag 1 key' }).fill(choice.tag.key);
      await this.page.getByRole('textbox', { name: 'Tag 1 value' }).fill(choice.tag.value);
    }
  }

  /** Walks all steps and creates; returns the result panel. */
  async create(choice: KeyChoice): Promise<Locator> {
    await this.chooseType(choice);
    await this.next('Name and tags').click();
    await this.name(choice);
    await this.next('Access').click();
    await this.next('Policy').click();
    await expect(this.page.getByTestId('policy-visual-view')).toBeVisible();
    await this.next('Create').click();
    await this.page.getByRole('button', { name: 'Create key' }).click();
    const result = this.page.getByTestId('create-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    return result;
  }
}
