import { expect, type Page } from '@playwright/test';
import { readScope, snapshotRow } from './guided-job';
import { ShellPage } from './shell';

/** From the Snapshots page to the wizard of one of prod's us-east-1 snapshots. */
export async function openShareWizard(
  page: Page,
  size: { width: number; height: number },
  snapshotId: string,
): Promise<void> {
  await page.setViewportSize(size);
  await new ShellPage(page).open('Snapshots');
  await readScope(page, 'us-east-1');
  await snapshotRow(page, snapshotId)
    .getByRole('button', { name: 'Share with another account…' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Share ${snapshotId} with another account`,
  );
}

export async function chooseTarget(page: Page, profile: RegExp, key: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Target profile' }).click();
  await page.getByRole('option', { name: profile }).click();
  const keys = page.getByRole('combobox', { name: 'Target key' });
  await expect(keys).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await keys.click();
  await page.getByRole('option', { name: key, exact: true }).click();
}

/** On Options: the zone of the target's volume, searched for and chosen from the listed zones. */
export async function chooseVolumeZone(page: Page, zone: string): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Create a volume from the copy' });
  await field.click({ timeout: 60_000 });
  await field.fill(zone);
  await page.getByRole('option', { name: new RegExp(`^${zone} \\(`) }).click();
  await expect(field).toHaveValue(new RegExp(`^${zone} \\(`));
}
