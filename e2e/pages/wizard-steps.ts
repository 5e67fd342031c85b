import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { cutTexts, layoutShot, windowSizes } from './layout';

/**
 * One step of a guided job as a user sees it at 1024×700: no serious or critical axe violation in
 * the light or the dark theme (a screenshot of each), and no cut text.
 */
export async function checkWizardStep(page: Page, testInfo: TestInfo, shot: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(blocking, `${shot} (${theme})`).toEqual([]);
    await page.mouse.move(0, 0);
    await layoutShot(page, testInfo, windowSizes[0], shot, theme);
  }
  expect(await cutTexts(page), shot).toEqual([]);
}

/** Empties a multi-select (Backspace takes its last choice), then picks `values` in it. */
async function chooseAll(page: Page, name: string, values: readonly string[]): Promise<void> {
  const input = page.getByRole('combobox', { name, exact: true });
  await input.click();
  for (let index = 0; index < 8; index += 1) await input.press('Backspace');
  for (const value of values) {
    await input.fill(value);
    await page.getByRole('option', { name: new RegExp(`^${value}( ·|$)`) }).click();
  }
  await input.press('Tab');
}

/** Sets an inventory page's scope to one profile in one Region and waits until it is read. */
export async function readOneCell(page: Page, profile: string, region: string): Promise<void> {
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await chooseAll(page, 'Profiles', [profile]);
  await chooseAll(page, 'Regions', [region]);
  await page.getByRole('button', { name: 'Read this scope' }).click();
  await expect(page.getByTestId(`cell-${profile}-${region}`)).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 90_000 },
  );
}
