import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures/launch-app';
import { navPages, ShellPage } from '../pages/shell';

for (const scheme of ['light', 'dark'] as const) {
  test(`every page passes an accessibility scan (${scheme})`, async ({ keyward }) => {
    test.setTimeout(360_000); // eight axe scans: 2.9 min seen on a loaded 2-core machine
    const { page } = keyward;
    await page.emulateMedia({ colorScheme: scheme });
    const shell = new ShellPage(page);
    for (const item of navPages) {
      await shell.open(item.label);
      await expect(shell.heading(item.heading)).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
        );
      expect(blocking, `${item.label} (${scheme})`).toEqual([]);
    }
  });
}
