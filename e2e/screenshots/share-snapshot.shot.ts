import { resolve } from 'node:path';
import { expect, test } from '../fixtures/launch-app';
import { chooseTarget, chooseVolumeZone, openShareWizard } from '../pages/share-wizard';

const folder = resolve(import.meta.dirname, '../../docs/screenshots');

// The README's cross-account picture: the share wizard's preview, the key policy statement
// Keyward adds for the backup account highlighted (1400×900, light).
test('README screenshot: share a snapshot with another account', async ({ keyward }) => {
  const { page } = keyward;
  await page.emulateMedia({ colorScheme: 'light' });
  await openShareWizard(page, { width: 1400, height: 900 }, 'snap-0d15c000000000001');
  await chooseTarget(page, /^Sandbox · backup — account 222222222222/, 'alias/dr-backups');
  await page.getByRole('button', { name: 'Next: Options' }).click();
  await chooseVolumeZone(page, 'us-east-1b');
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  const diff = page.getByTestId('workflow-policy-diff');
  await expect(diff.locator('[data-diff="added"]')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: `${folder}/share-snapshot-preview-light.png`,
    animations: 'disabled',
  });
});
