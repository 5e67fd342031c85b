import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { cutTexts, layoutShot, windowSizes } from './layout';
import { ShellPage } from './shell';

/** prod's db-primary-nightly in us-east-1: wizard 1's source in the e2e specs. */
export const SOURCE_SNAPSHOT = 'snap-0d15c000000000001';

/**
 * Axe (serious and critical) in light and dark, a 1024×700 layout shot of each
 * (test-results/layout/small-<name>-<theme>.png) and no cut text.
 */
export async function checkA11yAndLayout(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(blocking, `${name} (${theme})`).toEqual([]);
    await page.mouse.move(0, 0);
    await layoutShot(page, testInfo, windowSizes[0], name, theme);
  }
  expect(await cutTexts(page), name).toEqual([]);
}

/** Empties a multi-select (Backspace takes its last choice), then picks `values` in it. */
async function choose(page: Page, name: string, values: string[]): Promise<void> {
  const input = page.getByRole('combobox', { name, exact: true });
  await input.click();
  for (let index = 0; index < 8; index += 1) await input.press('Backspace');
  for (const value of values) {
    await input.fill(value);
    await page.getByRole('option', { name: new RegExp(`^${value}( ·|$)`) }).click();
  }
  await input.press('Tab');
}

/** Reads prod's snapshots in `region` on the Snapshots page. */
export async function readScope(page: Page, region: string): Promise<void> {
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await choose(page, 'Profiles', ['Sandbox · prod']);
  await choose(page, 'Regions', [region]);
  await page.getByRole('button', { name: 'Read this scope' }).click();
  await expect(page.getByTestId(`cell-Sandbox · prod-${region}`)).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 90_000 },
  );
}

export const snapshotRow = (page: Page, text: string) =>
  page
    .getByRole('table', { name: 'Snapshots' })
    .locator('tbody tr[data-row-id]')
    .filter({ hasText: text });

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
