import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

// Issue 12 §2, saved views: kept by main in the data dir, so a view outlives a restart of browser
// mode, which comes back on another port (another origin: the page's own storage is not there).

test.describe.configure({ timeout: 180_000 });

async function openKeys(page: Page): Promise<void> {
  const shell = new ShellPage(page);
  await shell.open('Keys');
  await expect(shell.heading('Keys')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Keys' })).toBeVisible();
}

test('a saved view of the Keys table is still there after a restart on another port', async ({
  keyward,
}) => {
  let page = keyward.page;
  await openKeys(page);
  await page.getByRole('textbox', { name: 'Search keys' }).fill('alias/');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Aliased keys');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('button', { name: 'Views' }).click();
  await expect(page.getByRole('menuitem', { name: 'Aliased keys', exact: true })).toBeVisible();
  const before = new URL(page.url()).port;

  page = await keyward.restart();
  expect(new URL(page.url()).port).not.toBe(before);
  await openKeys(page);
  await expect(page.getByRole('textbox', { name: 'Search keys' })).toHaveValue('');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Aliased keys', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Search keys' })).toHaveValue('alias/');

  await page.getByRole('button', { name: 'Views' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page }).include('[role="menu"]').analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  }
  await page.screenshot({ path: test.info().outputPath('saved-views-menu.png') });
  await page.getByRole('menuitem', { name: 'Delete view Aliased keys' }).click();
  await expect(page.getByRole('menuitem', { name: 'Aliased keys', exact: true })).toBeHidden();
});
