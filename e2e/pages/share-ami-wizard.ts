import { expect, type Page } from '@playwright/test';
import { readScope } from './guided-job';
import { ShellPage } from './shell';

/** From the AMIs page (prod, us-east-1) into wizard 3 for one AMI. */
export async function openShareAmiWizard(page: Page, imageId: string): Promise<void> {
  await new ShellPage(page).open('AMIs');
  await readScope(page, 'us-east-1');
  await page
    .getByRole('table', { name: 'AMIs' })
    .locator('tbody tr[data-row-id]')
    .filter({ hasText: imageId })
    .getByRole('button', { name: 'Share with another account…' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Share ${imageId} with another account`,
  );
}

/** Step 1 of wizard 3: the target profile and one of its us-east-1 keys. */
export async function chooseAmiTarget(page: Page, profile: RegExp, key: string): Promise<void> {
  await page.getByRole('combobox', { name: /^Target account/ }).click();
  await page.getByRole('option', { name: profile }).click();
  const keys = page.getByRole('combobox', { name: /^Key of the target account in us-east-1/ });
  await expect(keys).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await keys.click();
  await page.getByRole('option', { name: key, exact: true }).click();
}
