import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { CreateKeyWizardPage } from '../pages/create-key-wizard';
import { KeyPolicyEditorPage } from '../pages/key-policy-editor';
import { cutTexts, layoutShot, windowSizes } from '../pages/layout';

// Issue 12 §6: visual and JSON edits (a hand-written statement survives a visual edit), the
// lockout lint blocks, a diff before save, revert; axe and layout of the editor.

test.describe.configure({ timeout: 300_000 });

const account = '111111111111';
const handWritten = {
  Sid: 'Deny decrypt outside the VPC',
  Effect: 'Deny',
  Principal: '*',
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-0123456789abcdef0' } },
};

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking).toEqual([]);
  expect(await cutTexts(page)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await layoutShot(page, testInfo, windowSizes[0], `policy-${name}`, theme);
  }
}

test('edit a key policy visually and in JSON, lockout blocked, diff, revert', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: 1024, height: 700 });
  const wizard = new CreateKeyWizardPage(page);
  await wizard.open();
  const result = await wizard.create({ type: 'Symmetric', alias: 'e2e-policy' });
  await result.getByRole('link', { name: 'Edit its policy' }).click();
  const editor = new KeyPolicyEditorPage(page);
  await expect(editor.root).toBeVisible({ timeout: 30_000 });
  await check(page, testInfo, 'visual');

  // JSON: add a statement the visual view does not manage.
  const original = JSON.parse(await editor.jsonText()) as { Statement: unknown[] };
  await editor.replaceJson({ ...original, Statement: [...original.Statement, handWritten] });
  await check(page, testInfo, 'json');

  // Visual: it is kept as written; a visual edit leaves it alone.
  await editor.showVisual();
  await expect(page.getByTestId('kept-statements')).toContainText(handWritten.Sid);
  await editor.addOtherAccount('222222222222');
  const edited = JSON.parse(await editor.jsonText()) as { Statement: unknown[] };
  expect(edited.Statement).toContainEqual(handWritten);

  // Save shows the diff first.
  await editor.saveButton().click();
  const dialog = page.getByRole('dialog', { name: 'Save the key policy?' });
  await expect(dialog.getByTestId('policy-diff')).toContainText('added');
  await expect(dialog.locator('[data-diff="added"]')).toContainText(handWritten.Sid);
  await check(page, testInfo, 'diff');
  await dialog.getByRole('button', { name: 'Save policy' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const versions = page.getByRole('table', { name: 'Policy versions' }).locator('tbody tr');
  await expect(versions).toHaveCount(2);
  expect(JSON.parse(await editor.jsonText())).toEqual(edited);

  // Lockout: a policy that leaves neither the account nor the caller in control cannot be saved.
  await editor.replaceJson({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Only the app',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:role/app` },
        Action: 'kms:Decrypt',
        Resource: '*',
      },
    ],
  });
  await expect(page.getByTestId('policy-lint')).toContainText('could no longer change', {
    timeout: 10_000,
  });
  await expect(editor.saveButton()).toBeDisabled();
  await page.getByRole('button', { name: 'Discard changes' }).click();

  // Revert to the version found before the first save.
  await versions
    .last()
    .getByRole('button', { name: /Revert/ })
    .click();
  await page
    .getByRole('dialog', { name: 'Revert the key policy?' })
    .getByRole('button', { name: 'Revert' })
    .click();
  await expect(versions).toHaveCount(3, { timeout: 30_000 });
  await editor.showVisual();
  await expect(page.getByTestId('kept-statements')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Other AWS accounts' })).not.toContainText(
    '222222222222',
  );
});
