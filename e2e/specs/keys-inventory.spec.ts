import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { cutTexts, layoutShot, onScreenAndOnTop, windowSizes } from '../pages/layout';
import { chooseInMultiSelect } from '../pages/guided-job';
import { ShellPage } from '../pages/shell';

// Issue 12 §2: one inventory across 2 profiles × 2 regions; a region that fails is named as
// failed while the rest shows; search, filter and export; axe; nothing cut at both sizes.

test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 20_000 });
// Every call signed for us-west-2 answers 500: that region fails for both profiles.
test.use({ appEnv: { KEYWARD_SANDBOX_FAULTS: 'error5xx=1,region=us-west-2' } });

const table = (page: Page) => page.getByRole('table', { name: 'Keys' });
const rows = (page: Page) => table(page).locator('tbody tr[data-row-id]');

async function chooseScope(page: Page, profiles: string[], regions: string[]): Promise<void> {
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await chooseInMultiSelect(page, 'Profiles', profiles);
  await chooseInMultiSelect(page, 'Regions', regions);
  await page.getByRole('button', { name: 'Read this scope' }).click();
}

test('the key inventory across 2 profiles × 2 regions, with a failing region', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await shell.open('Keys');
  await expect(shell.heading('Keys')).toBeVisible();
  await chooseScope(page, ['Sandbox · prod', 'Sandbox · backup'], ['us-east-1', 'us-west-2']);
  await expect(page.getByRole('button', { name: /^Scope: 2 profiles × 2 regions/ })).toBeVisible();

  // The healthy cells finish with their keys; us-west-2 fails for both profiles, said so.
  await expect(page.getByTestId('cell-Sandbox · prod-us-east-1')).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 90_000 },
  );
  await expect(page.getByTestId('cell-Sandbox · backup-us-east-1')).toHaveAttribute(
    'data-status',
    'done',
  );
  for (const profile of ['prod', 'backup']) {
    await expect(page.getByTestId(`cell-Sandbox · ${profile}-us-west-2`)).toHaveAttribute(
      'data-status',
      'failed',
      { timeout: 90_000 },
    );
  }
  const failed = page.getByTestId('failed-cells');
  await expect(failed).toContainText('2 of 4 could not be read; the others are shown');
  await expect(failed).toContainText('Sandbox · prod · us-west-2:');
  await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();

  // The demo world's keys with their aliases, from both accounts.
  for (const alias of ['alias/app-data', 'alias/code-signing', 'alias/dr-backups']) {
    await expect(table(page).getByText(alias, { exact: true }).first()).toBeVisible();
  }
  await expect(table(page).getByText('AWS managed').first()).toBeAttached();

  // "Last used" arrives for the rows on screen, fetched lazily.
  await expect(
    table(page)
      .getByText(
        /^(tracked since \d{4}-\d{2}-\d{2}|Not available here|Could not read|\d{4}-\d{2}-\d{2})$/,
      )
      .first(),
  ).toBeAttached({ timeout: 30_000 });

  // Search narrows, then a faceted filter narrows further.
  const count = page.getByTestId('row-count');
  const total = Number((await count.textContent())?.match(/^([\d,]+) keys/)?.[1]?.replace(',', ''));
  expect(total).toBeGreaterThan(5);
  await page.getByRole('textbox', { name: 'Search keys' }).fill('signing');
  await expect(count).toHaveText(new RegExp(`^2 of ${total} keys`));
  await expect(rows(page)).toHaveCount(2);
  // The estimated monthly total follows what the search leaves.
  await expect(page.getByTestId('keys-cost-total')).toContainText(
    /Estimated monthly cost of the 2 keys shown: \$\d+\.\d\d/,
  );
  await page.getByRole('textbox', { name: 'Search keys' }).fill('');
  await expect(page.getByTestId('keys-cost-total')).toContainText(`of the ${total} keys shown`);
  await page.getByRole('button', { name: 'Filter Account' }).click();
  await page.getByRole('checkbox', { name: /^222222222222/ }).click();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} keys`));
  const shown = await rows(page).count();
  for (let index = 0; index < shown; index += 1) {
    await expect(rows(page).nth(index)).toContainText('222222222222');
  }

  // Export CSV downloads exactly the filtered rows.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'CSV (spreadsheet)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^keys-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Alias,Key ID,Account,Region,Type,State,Manager,Rotation/);
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1)) expect(line).toContain('222222222222');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(new RegExp(`^${total} keys`));

  // Axe: nothing serious or critical, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
      );
    expect(blocking, scheme).toEqual([]);
  }

  // The columns under the sticky actions, scrolled into view.
  await page
    .getByTestId('keys-table')
    .locator('.mantine-ScrollArea-viewport')
    .evaluate((viewport) => viewport.scrollTo({ left: viewport.scrollWidth }));
  await page.mouse.move(0, 0);
  await layoutShot(page, testInfo, windowSizes[1], 'keys-scrolled', 'light');
  await page
    .getByTestId('keys-table')
    .locator('.mantine-ScrollArea-viewport')
    .evaluate((viewport) => viewport.scrollTo({ left: 0 }));

  // At both sizes nothing is cut and a row's actions stay on screen; screenshots in both themes.
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(rows(page).first()).toBeVisible();
    expect(await cutTexts(page), size.name).toEqual([]);
    const open = rows(page)
      .first()
      .getByRole('button', { name: /^Open / });
    expect(await onScreenAndOnTop(open), size.name).toEqual({ inside: true, onTop: true });
    // …and inside the table's card, in its sticky column, not spilling past the card's edge.
    const [button, card] = await Promise.all([
      open.boundingBox(),
      page.getByTestId('keys-table').locator('.mantine-Card-root').boundingBox(),
    ]);
    expect(button && card && button.x + button.width <= card.x + card.width, size.name).toBe(true);
    await page.mouse.move(0, 0);
    for (const theme of ['light', 'dark'] as const) {
      await layoutShot(page, testInfo, size, 'keys', theme);
    }
  }
});
