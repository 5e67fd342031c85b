import { expect, type Page } from '@playwright/test';
import { ShellPage } from './shell';
import { readScope, snapshotRow } from './guided-job';

/** prod's db-primary-nightly in us-east-1: wizard 1's source in the e2e specs. */
export const SOURCE_SNAPSHOT = 'snap-0d15c000000000001';

/** From the Snapshots page to wizard 1's destination step: eu-west-1 under alias/global-orders. */
export async function chooseCopyToEuWest(page: Page): Promise<void> {
  await new ShellPage(page).open('Snapshots');
  await readScope(page, 'us-east-1');
  await snapshotRow(page, SOURCE_SNAPSHOT)
    .getByRole('button', { name: 'Copy to another Region…' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Copy ${SOURCE_SNAPSHOT} to another Region`,
  );
  await page.getByRole('combobox', { name: 'Destination Region', exact: true }).click();
  await page.getByRole('option', { name: /^eu-west-1/ }).click();
  const key = page.getByRole('combobox', { name: /^Key in eu-west-1/ });
  await expect(key).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await key.click();
  await page.getByRole('option', { name: 'alias/global-orders' }).click();
}

/** From the destination step through Preview and Preflight to the start of the run. */
export async function startCopy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText('Every check passed')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Copy the snapshot' }).click();
}
