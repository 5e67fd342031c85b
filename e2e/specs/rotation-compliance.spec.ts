import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { demoKey } from '../../src-sandbox/seed/demo-keys';
import { expect, test } from '../fixtures/launch-app';
import { cutTexts, layoutShot, onScreenAndOnTop, saveShot, windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';

// Issue 12 §7: the rotation compliance view over the demo world's keys, bulk enable with a
// preview, axe light and dark on the view and the dialog, nothing cut at 1024×700.

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

const table = (page: Page) => page.getByRole('table', { name: 'Rotation compliance' });
const search = (page: Page) => page.getByRole('textbox', { name: 'Search keys' });

/** The row of a key, found with the search box (the table renders only the rows in view). */
async function rowOf(page: Page, alias: string): Promise<Locator> {
  await search(page).fill(alias);
  const row = table(page).locator('tbody tr[data-row-id]').filter({ hasText: alias });
  await expect(row).toHaveCount(1);
  return row;
}

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

async function axeBothThemes(page: Page, name: string, scope?: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await blocking(page, scope), `${name} (${scheme})`).toEqual([]);
  }
}

test('the rotation compliance view classifies the demo keys; bulk enable with a preview', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  const [small, large] = windowSizes;
  await page.setViewportSize({ width: large.width, height: large.height });
  await shell.open('Keys');
  await page.getByText('Rotation compliance', { exact: true }).click();
  await expect(page).toHaveURL(/\/keys\?view=rotation$/);
  await expect(page.getByTestId('cell-Sandbox · prod-us-east-1')).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 90_000 },
  );

  // Each kind of key, classified, with the reason where AWS cannot rotate it.
  const summary = page.getByTestId('rotation-summary');
  await expect(summary).toContainText(/\d+ keys rotate automatically · \d+ could but/);
  await expect(summary).toContainText('can only be rotated by hand');
  const expectations: [string, RegExp][] = [
    ['alias/payments-legacy', /Off · not compliant/],
    ['alias/app-data', /Automatic.*365 days.*\d{4}-\d{2}-\d{2}/],
    ['alias/code-signing', /By hand only.*Asymmetric key \(RSA_3072\)/],
    ['alias/webhook-signing', /By hand only.*HMAC key \(HMAC_256\)/],
    ['alias/byok-import', /By hand only.*Imported key material/],
    [
      'alias/retired-analytics',
      /Off · not compliant.*Disabled: AWS changes rotation only on an enabled key/,
    ],
    ['alias/old-reporting', /Pending deletion: cancel the deletion/],
    ['alias/aws/ebs', /Yearly by AWS/],
  ];
  for (const [alias, text] of expectations) {
    await expect(await rowOf(page, alias), alias).toContainText(text);
  }
  await search(page).fill('alias/global-orders');
  await expect(
    table(page).locator('tbody tr[data-row-id]', { hasText: 'eu-west-1' }),
  ).toContainText('Follows primary');

  // By hand → the manual rotation wizard's address; rotation off → the key's rotation tab.
  const signing = demoKey('code-signing');
  await expect(
    (await rowOf(page, 'alias/code-signing')).getByRole('link', {
      name: 'Rotate alias/code-signing by hand',
    }),
  ).toHaveAttribute('href', new RegExp(`^#?/keys/rotate/[^/]+/us-east-1/${signing.keyId}$`));
  await expect(
    (await rowOf(page, 'alias/payments-legacy')).getByRole('link', {
      name: 'Rotation of alias/payments-legacy',
    }),
  ).toHaveAttribute('href', /\/us-east-1\/1a2b3c4d-0002-4aaa-8bbb-111111110002\?tab=rotation$/);

  // Select one key with rotation off and three that are skipped.
  for (const alias of [
    'alias/payments-legacy',
    'alias/app-data',
    'alias/code-signing',
    'alias/retired-analytics',
  ]) {
    await (await rowOf(page, alias)).getByRole('checkbox', { name: `Select ${alias}` }).check();
  }
  await search(page).fill('');
  await axeBothThemes(page, 'rotation view');
  await page.getByRole('button', { name: 'Enable rotation…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Enable automatic rotation' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 key will rotate; 3 keys are skipped');
  const line = (alias: string) => dialog.getByTestId('preview-line').filter({ hasText: alias });
  await expect(line('alias/payments-legacy')).toContainText('Will enable');
  await expect(line('alias/app-data')).toContainText('Already on, every 365 days.');
  await expect(line('alias/code-signing')).toContainText('Asymmetric key (RSA_3072)');
  await expect(line('alias/retired-analytics')).toContainText('Disabled');
  await dialog.getByRole('button', { name: 'Show the AWS calls' }).click();
  await expect(dialog.getByTestId('aws-calls')).toContainText(
    `EnableKeyRotation {"KeyId":"arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0002-4aaa-8bbb-111111110002","RotationPeriodInDays":365}`,
  );
  await axeBothThemes(page, 'enable rotation dialog', '[role="dialog"]');

  // At 1024×700: nothing cut, the confirm button on screen; screenshots of the dialog.
  await page.setViewportSize({ width: small.width, height: small.height });
  expect(await cutTexts(page), 'dialog at 1024x700').toEqual([]);
  const confirm = dialog.getByRole('button', { name: 'Enable rotation on 1 key' });
  expect(await onScreenAndOnTop(confirm)).toEqual({ inside: true, onTop: true });
  for (const theme of ['light', 'dark'] as const)
    await layoutShot(page, testInfo, small, 'enable-rotation-dialog', theme);

  await confirm.click();
  await expect(dialog.getByTestId('bulk-result')).toHaveText('1 enabled · 3 skipped · 0 failed', {
    timeout: 60_000,
  });
  await expect(line('alias/payments-legacy')).toContainText(
    /Every 365 days, next \d{4}-\d{2}-\d{2}/,
  );
  await saveShot(page, testInfo, '1024x700-enable-rotation-done-dark.png');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The row is read again: rotation on, with its next date a year ahead.
  const nextYear = String(new Date().getUTCFullYear() + 1);
  await expect(await rowOf(page, 'alias/payments-legacy')).toContainText(
    new RegExp(`Automatic.*365 days.*${nextYear}-\\d{2}-\\d{2}`),
    { timeout: 30_000 },
  );

  // The view at 1024×700: nothing cut, row actions on screen; screenshots in both themes.
  await search(page).fill('');
  await page.mouse.move(0, 0);
  expect(await cutTexts(page), 'view at 1024x700').toEqual([]);
  const firstAction = table(page)
    .locator('tbody tr[data-row-id]')
    .first()
    .getByRole('link')
    .first();
  expect(await onScreenAndOnTop(firstAction)).toEqual({ inside: true, onTop: true });
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const theme of ['light', 'dark'] as const)
      await layoutShot(page, testInfo, size, 'rotation-compliance', theme);
  }
});

test('Enable rotation… works from the main Keys table too; the palette opens the view', async ({
  keyward,
}) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await shell.open('Keys');
  await expect(page.getByTestId('cell-Sandbox · prod-us-east-1')).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 90_000 },
  );
  await search(page).fill('alias/webhook-signing');
  await page.getByRole('checkbox', { name: 'Select alias/webhook-signing' }).check();
  await page.getByRole('button', { name: 'Enable rotation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enable automatic rotation' });
  await expect(dialog).toContainText('HMAC key (HMAC_256): AWS cannot rotate it automatically.');
  await expect(dialog.getByRole('button', { name: 'Nothing to enable' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // The palette leads to the compliance view.
  await shell.runInPalette('rotation compliance', 'Rotation compliance');
  await expect(page).toHaveURL(/\/keys\?view=rotation$/);
  await expect(page.getByTestId('rotation-summary')).toContainText('can only be rotated by hand');
});
