import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { CreateKeyWizardPage, type KeyChoice } from '../pages/create-key-wizard';
import { cutTexts, layoutShot, windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';

// Issue 12 §4: each key type through the wizard against the sandbox; axe and layout per step.

test.describe.configure({ timeout: 300_000 });

async function noSeriousAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking).toEqual([]);
}

async function checkStep(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await noSeriousAxe(page);
  expect(await cutTexts(page)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await layoutShot(page, testInfo, windowSizes[0], `wizard-${name}`, theme);
  }
}

/** Expiry 90 days ahead: KMS accepts at most 365. */
const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

const choices: readonly KeyChoice[] = [
  { type: 'Symmetric', alias: 'e2e-symmetric', tag: { key: 'team', value: 'payments' } },
  { type: 'Asymmetric RSA', spec: 'RSA_3072', usage: 'Sign and verify', alias: 'e2e-rsa-sign' },
  { type: 'Asymmetric ECC', spec: 'ECC_NIST_P384', alias: 'e2e-ecc-sign' },
  { type: 'HMAC', spec: 'HMAC_512', alias: 'e2e-hmac' },
  { type: 'Symmetric', imported: { expires }, alias: 'e2e-imported' },
  { type: 'Symmetric', replicas: ['eu-west-1'], alias: 'e2e-multi-region' },
];

test('every wizard step passes axe, cuts nothing at 1024×700, in both themes', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: 1024, height: 700 });
  const wizard = new CreateKeyWizardPage(page);
  await wizard.open();
  await wizard.chooseType({ type: 'Symmetric', imported: { expires }, alias: 'x' });
  await page.getByRole('switch', { name: /Multi-Region key/ }).check();
  await checkStep(page, testInfo, '1-type');
  await wizard.next('Name and tags').click();
  await wizard.name({ type: 'Symmetric', alias: 'e2e-shots', tag: { key: 'team', value: 'ops' } });
  await checkStep(page, testInfo, '2-name');
  await wizard.next('Access').click();
  await checkStep(page, testInfo, '3-access');
  await wizard.next('Policy').click();
  await checkStep(page, testInfo, '4-policy-visual');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByTestId('policy-json-editor')).toBeVisible();
  await checkStep(page, testInfo, '4-policy-json');
  await wizard.next('Create').click();
  await checkStep(page, testInfo, '5-create');
});

for (const choice of choices) {
  test(`creates a key through the wizard: ${choice.alias}`, async ({ keyward }) => {
    const { page } = keyward;
    const wizard = new CreateKeyWizardPage(page);
    await wizard.open();
    const result = await wizard.create(choice);
    await expect(result).toContainText(`alias/${choice.alias}`);
    await expect(result).toContainText('arn:aws:kms:us-east-1:111111111111:key/');
    if (choice.imported) await expect(result).toContainText('KEY_MATERIAL_EXPIRES');
    if (choice.replicas) await expect(result).toContainText('Replica in eu-west-1');
    // The key as KMS describes it: the policy page reads keys.detail.
    await result.getByRole('link', { name: 'Edit its policy' }).click();
    await expect(page.getByTestId('key-policy-editor')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('policy-visual-view')).toContainText(
      'arn:aws:iam::111111111111:user/admin',
    );
  });
}

test('an alias already taken fails after the key exists; continuing with a new alias makes no second key', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const wizard = new CreateKeyWizardPage(page);
  const taken = { type: 'Symmetric', alias: 'e2e-retry-taken' } as const;
  await wizard.open();
  await expect(await wizard.create(taken)).toContainText('alias/e2e-retry-taken');

  // The same alias again, in a new wizard: CreateKey succeeds, CreateAlias fails.
  await new ShellPage(page).open('Keys');
  await wizard.open();
  const retry = { type: 'Symmetric', alias: 'e2e-retry-taken' } as const;
  await wizard.chooseType(retry);
  await wizard.next('Name and tags').click();
  await wizard.name(retry);
  await page.getByRole('textbox', { name: 'Description' }).fill('e2e retry after alias taken');
  for (const step of ['Access', 'Policy', 'Create']) await wizard.next(step).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  const partly = page.getByTestId('create-partly-done');
  await expect(partly).toContainText(
    /The key [0-9a-f-]{36} was created; 1 step failed: creating the alias alias\/e2e-retry-taken/,
    { timeout: 60_000 },
  );
  const keyId = /The key ([0-9a-f-]{36}) was created/.exec((await partly.textContent()) ?? '')?.[1];
  await noSeriousAxe(page);
  expect(await cutTexts(page)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await layoutShot(page, testInfo, windowSizes[0], 'wizard-5-partly-done', theme);
  }

  await page.getByRole('button', { name: 'Change name and tags' }).click();
  await page.getByRole('textbox', { name: 'Alias' }).fill('e2e-retry-free');
  for (const step of ['Access', 'Policy', 'Create']) await wizard.next(step).click();
  await page.getByRole('button', { name: 'Continue with the remaining steps' }).click();
  const result = page.getByTestId('create-result');
  await expect(result).toContainText('alias/e2e-retry-free', { timeout: 60_000 });
  await expect(result).toContainText(`key/${keyId}`);

  // One key with that description in the inventory: the retry made none.
  await new ShellPage(page).open('Keys');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Description' }).check();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Search keys' }).fill('e2e retry after alias taken');
  const rows = page.getByRole('table', { name: 'Keys' }).locator('tbody tr[data-row-id]');
  await expect(rows).toHaveCount(1, { timeout: 60_000 });
  await expect(rows.first()).toContainText('alias/e2e-retry-free');
});
