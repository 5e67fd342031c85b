import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { cutTexts, layoutShot, windowSizes } from './layout';

/** The window size guided jobs are checked at (1024×700). */
export const smallWindow = windowSizes[0];

/** Axe (serious/critical) in light and dark, a layout shot of each, and no cut text. */
export async function checkStep(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { cut = true }: { cut?: boolean } = {},
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(blocking, `${name} (${theme})`).toEqual([]);
    await page.mouse.move(0, 0);
    await layoutShot(page, testInfo, smallWindow, name, theme);
  }
  if (cut) expect(await cutTexts(page), name).toEqual([]);
}

/** Empties a multi-select of the scope picker (Backspace takes its last choice), then picks `values`. */
export async function chooseInMultiSelect(
  page: Page,
  name: string,
  values: readonly string[],
): Promise<void> {
  const input = page.getByRole('combobox', { name, exact: true });
  await input.click();
  for (let index = 0; index < 8; index += 1) await input.press('Backspace');
  for (const value of values) {
    await input.fill(value);
    await page.getByRole('option', { name: new RegExp(`^${value}( ·|$)`) }).click();
  }
  await input.press('Tab');
}

/** On an inventory page (Snapshots, AMIs, Keys): reads one profile in one Region. */
export async function readScope(page: Page, region: string, profile = 'Sandbox · prod') {
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await chooseInMultiSelect(page, 'Profiles', [profile]);
  await chooseInMultiSelect(page, 'Regions', [region]);
  await page.getByRole('button', { name: 'Read this scope' }).click();
  await expect(page.getByTestId(`cell-${profile}-${region}`)).toHaveAttribute(
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
