import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { cutTexts, layoutShot, windowSizes } from './layout';

const small = windowSizes[0];

/**
 * A guided job's step as a user sees it: no serious or critical axe finding in light and dark,
 * a layout shot of each at 1024×700 (test-results/layout/<shot>-<name>-…), nothing cut.
 */
export async function checkWizardStep(
  page: Page,
  testInfo: TestInfo,
  shot: string,
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
    await layoutShot(page, testInfo, small, `${shot}-${name}`, theme);
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

/** On the Snapshots (or AMIs) page: reads prod in `region` and waits for its cell. */
export async function readProdScope(page: Page, region: string): Promise<void> {
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

/** The Snapshots table's row of `snapshotId` (a copy's description names its source: not by text). */
export const snapshotRow = (page: Page, snapshotId: string) =>
  page.getByRole('table', { name: 'Snapshots' }).locator(`tbody tr[data-row-id$="|${snapshotId}"]`);
