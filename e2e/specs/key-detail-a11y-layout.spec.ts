import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { KeyDetailPage } from '../pages/key-detail';
import { cutTexts, layoutShot, saveShot, windowSizes } from '../pages/layout';
import { demoKey } from '../../src-sandbox/seed/demo-keys';

// Issue 12 §3 and §5: axe on the Key detail page and each of its dialogs (light and dark);
// nothing cut at 1024×700; screenshots of the page and the deletion dialog in both themes.

// About twenty axe scans: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

async function blocking(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** Scans the page with `dialog` open in both themes, checks nothing is cut, then closes it. */
async function scanDialog(page: Page, dialog: Locator, name: string): Promise<void> {
  await expect(dialog).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await blocking(page, '[role="dialog"]'), `${name} (${scheme})`).toEqual([]);
  }
  expect(await cutTexts(page), name).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
}

test('the Key detail page and its dialogs pass axe, nothing is cut, screenshots', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const detail = new KeyDetailPage(page);
  const small = windowSizes[0];
  await page.setViewportSize({ width: small.width, height: small.height });
  const key = demoKey('ebs-workloads');
  await detail.open(key.keyId);

  // Every tab: axe in both themes and nothing cut at 1024×700.
  for (const tab of [
    'General',
    'Cryptographic configuration',
    'Key policy',
    'Rotation',
    'Aliases',
    'Tags',
    'Grants',
    'Multi-Region',
    'Usage',
    'Audit',
  ]) {
    await detail.openTab(tab);
    if (tab === 'Usage')
      await expect(page.getByTestId('usage-findings')).toBeVisible({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await blocking(page), `${tab} (${scheme})`).toEqual([]);
    }
    expect(await cutTexts(page), tab).toEqual([]);
  }

  // Screenshots of the page (General) at both sizes and themes.
  await detail.openTab('General');
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.mouse.move(0, 0);
    for (const theme of ['light', 'dark'] as const)
      await layoutShot(page, testInfo, size, 'key-detail', theme);
  }
  await page.setViewportSize({ width: small.width, height: small.height });

  // The dialogs.
  await detail.button('Disable…').click();
  const disable = detail.dialog('Disable this key?');
  await expect(disable.getByTestId('usage-findings')).toBeVisible({ timeout: 30_000 });
  await scanDialog(page, disable, 'disable');

  await detail.button('Schedule deletion…').click();
  const deletion = detail.dialog('Schedule this key’s deletion?');
  await expect(deletion.getByTestId('impact-report')).toBeVisible({ timeout: 30_000 });
  await detail.typeToConfirm(deletion, key.alias);
  for (const theme of ['light', 'dark'] as const)
    await layoutShot(page, testInfo, small, 'key-deletion-dialog', theme);
  await scanDialog(page, deletion, 'schedule deletion');

  await detail.openTab('Rotation');
  await detail.button('Rotate now…').click();
  await scanDialog(page, detail.dialog('Rotate the key material now?'), 'rotate now');

  await detail.openTab('Aliases');
  await detail.button(`Re-point ${key.alias}`).click();
  await scanDialog(page, detail.dialog(`Re-point ${key.alias}`), 're-point alias');
  await detail.button(`Delete ${key.alias}`).click();
  await scanDialog(page, detail.dialog(`Delete ${key.alias}?`), 'delete alias');

  await detail.openTab('Grants');
  await detail.button('Create grant…').click();
  await scanDialog(page, detail.dialog('Create a grant'), 'create grant');

  // A multi-Region primary: its replicas, and the dialog that moves the primary.
  await detail.open(demoKey('global-orders').keyId, { tab: 'multi-region' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await blocking(page), `multi-Region (${scheme})`).toEqual([]);
  }
  expect(await cutTexts(page), 'multi-Region').toEqual([]);
  await detail.button('Make eu-west-1 the primary').click();
  await scanDialog(page, detail.dialog('Make eu-west-1 the primary?'), 'update primary');
  await saveShot(page, testInfo, `${small.name}-key-detail-multi-region.png`);
});
