import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { KeyDetailPage } from '../pages/key-detail';
import { KeyPolicyEditorPage } from '../pages/key-policy-editor';
import { cutTexts, saveShot, windowSizes } from '../pages/layout';
import { demoKey } from '../../src-sandbox/seed/demo-keys';

// Issue 12 §5, §6, §8: effective access from the key policy and the IAM policies the profile can
// read; the deletion impact's recent use from CloudTrail; the cost card's request estimate.

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

const PROD = '111111111111';
const APP_SERVER = `arn:aws:iam::${PROD}:role/app-server`;

async function axeClean(page: Page, scope: string, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include(scope).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(blocking, `${name} (${scheme})`).toEqual([]);
  }
}

test('effective access shows a named role\u2019s access from its IAM policy, and why', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize(windowSizes[0]);
  const detail = new KeyDetailPage(page);
  await detail.open(demoKey('app-data').keyId, { tab: 'policy' });
  const editor = new KeyPolicyEditorPage(page);
  await expect(editor.root).toBeVisible({ timeout: 30_000 });
  // The key policy lets the account's IAM decide, and names app-server for DescribeKey only:
  // its use of the key comes from its IAM policy (app-server-access in the sandbox's seed).
  await editor.replaceJson({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PROD}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'Describe for the app',
        Effect: 'Allow',
        Principal: { AWS: APP_SERVER },
        Action: 'kms:DescribeKey',
        Resource: '*',
      },
    ],
  });
  const table = page.getByTestId('effective-access');
  const row = table.getByTestId('access-row').filter({ hasText: APP_SERVER });
  await expect(row.getByTestId('iam-line')).toHaveText('IAM: app-server-access', {
    timeout: 30_000,
  });
  await expect(row.getByRole('cell')).toHaveText([/role\/app-server/, 'No', 'Yes', 'No', 'No']);
  await row.getByRole('button', { name: 'Why' }).click();
  const why = table.getByTestId('access-details');
  await expect(why).toContainText('Use: Allowed: statement "Enable IAM User Permissions"');
  await expect(why).toContainText('IAM policy "app-server-access"');
  await row.getByText('Yes').hover();
  await expect(page.getByRole('tooltip')).toContainText('IAM policy "app-server-access"');
  await page.mouse.move(0, 0);

  await table.scrollIntoViewIfNeeded();
  await saveShot(page, testInfo, 'key-access-audit-effective-access.png');
  await axeClean(page, 'section[aria-label="Effective access"]', 'effective access');
  expect(await cutTexts(page)).toEqual([]);
});

test('the deletion dialog shows recent use from CloudTrail after calls on the key', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'makes its KMS calls through the browser-mode host\u2019s sandbox');
  const { page } = keyward;
  const detail = new KeyDetailPage(page);
  const key = demoKey('payments-legacy');
  // An application using the key: encrypt and decrypt, as CloudTrail records them.
  const kms = new KMSClient((await sandboxAdmin(keyward.host!, keyward.dataDir)).config);
  for (let i = 0; i < 3; i++) {
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: key.keyId, Plaintext: new Uint8Array([i]) }),
    );
    await kms.send(new DecryptCommand({ CiphertextBlob }));
  }
  kms.destroy();

  await detail.open(key.keyId);
  await detail.button('Schedule deletion…').click();
  const dialog = detail.dialog('Schedule this key’s deletion?');
  const recent = dialog.getByTestId('recent-use');
  await expect(recent).toContainText(
    /Recent use: Used (at least )?[\d,]+ times in the last 90 days, last (just now|\d+ minutes? ago) by user\/\S+ \(Decrypt\)\./,
    { timeout: 30_000 },
  );
  await expect(recent).toContainText(/Top operations: .*Decrypt ×\d+/);
  await saveShot(page, testInfo, 'key-access-audit-deletion-dialog.png');
  await axeClean(page, '[role="dialog"]', 'deletion dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('the cost card estimates requests from CloudTrail', async ({ keyward }, testInfo) => {
  const { page } = keyward;
  const detail = new KeyDetailPage(page);
  await detail.open(demoKey('app-data').keyId);
  const card = page.getByTestId('cost-card');
  await expect(card.getByTestId('requests-note')).toHaveText(
    /^estimate \(from (at least )?[\d,]+ calls? recorded by CloudTrail in the last 30 days\)$/,
    { timeout: 30_000 },
  );
  await expect(card.getByRole('heading')).toHaveText(
    /^Estimated monthly cost: (at least )?\$\d+\.\d{2}$/,
  );
  for (const size of windowSizes) {
    await page.setViewportSize(size);
    await card.scrollIntoViewIfNeeded();
    await saveShot(page, testInfo, `key-access-audit-cost-${size.name}.png`);
  }
  await axeClean(page, '[data-testid="cost-card"]', 'cost card');
  expect(await cutTexts(page)).toEqual([]);
});
