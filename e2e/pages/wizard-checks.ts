import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { cutTexts, layoutShot, windowSizes } from './layout';

/**
 * A guided job's step as a user meets it at 1024×700: no serious or critical axe finding in the
 * light or the dark theme, a layout shot of each (`<job>-<step>`), and no text cut.
 */
export async function checkWizardStep(
  page: Page,
  testInfo: TestInfo,
  job: string,
  step: string,
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(blocking, `${step} (${theme})`).toEqual([]);
    await page.mouse.move(0, 0);
    await layoutShot(page, testInfo, windowSizes[0], `${job}-${step}`, theme);
  }
  expect(await cutTexts(page), step).toEqual([]);
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
