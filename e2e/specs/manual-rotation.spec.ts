import AxeBuilder from '@axe-core/playwright';
import {
  DecryptCommand,
  EncryptCommand,
  KMSClient,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { KeyDetailPage } from '../pages/key-detail';
import { cutTexts, layoutShot, windowSizes } from '../pages/layout';
import { demoKey } from '../../src-sandbox/seed/demo-keys';

// Issue 12 §7: the manual rotation wizard re-points the alias and old ciphertext still decrypts
// (an imported-material key), and old signatures still verify (an RSA signing key). Axe in light
// and dark on every step; nothing cut at 1024×700; screenshots of each step.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const small = windowSizes[0];

async function blocking(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** Axe in both themes, nothing cut, and a screenshot per theme of this step. */
async function checkStep(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await blocking(page), `${name} (${theme})`).toEqual([]);
    await page.mouse.move(0, 0);
    await layoutShot(page, testInfo, small, `manual-rotation-${name}`, theme);
  }
  expect(await cutTexts(page), name).toEqual([]);
}

async function kmsOf(keyward: {
  host: Parameters<typeof sandboxAdmin>[0] | undefined;
  dataDir: string;
}) {
  if (!keyward.host) throw new Error('browser mode only');
  return new KMSClient((await sandboxAdmin(keyward.host, keyward.dataDir)).config);
}

/** From the key's Rotation tab to the wizard, as a user gets there. */
async function openWizard(detail: KeyDetailPage, keyId: string, alias: string): Promise<void> {
  await detail.open(keyId, { tab: 'rotation' });
  await detail.page.getByTestId('rotate-by-hand').click();
  await expect(detail.page.getByRole('heading', { level: 1 })).toHaveText(
    `Rotate ${alias} by hand`,
    { timeout: 30_000 },
  );
}

test('imported-material key: the alias moves to the new key, old ciphertext still decrypts', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  const key = demoKey('byok-import');
  const kms = await kmsOf(keyward);
  const probe = Buffer.from('encrypted before the rotation');
  const sealed = await kms.send(new EncryptCommand({ KeyId: key.alias, Plaintext: probe }));
  expect(sealed.KeyId).toContain(key.keyId);

  const detail = new KeyDetailPage(page);
  await openWizard(detail, key.keyId, key.alias);
  await expect(page.getByTestId('why-manual')).toContainText('imported material');
  await checkStep(page, testInfo, '1-key');

  await detail.button('Next: Options').click();
  await expect(page.getByRole('checkbox', { name: key.alias })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Generate it here' })).toBeChecked();
  await page
    .getByRole('switch', { name: /schedule the old key’s deletion/i })
    .check({ force: true });
  await expect(page.getByTestId('deletion-warning')).toContainText('becomes unreadable');
  await checkStep(page, testInfo, '2-options');
  await page
    .getByRole('switch', { name: /schedule the old key’s deletion/i })
    .uncheck({ force: true });

  await detail.button('Next: Preview').click();
  const calls = page.getByTestId('planned-calls');
  for (const call of [
    'Encrypt',
    'CreateKey',
    'GetParametersForImport',
    'ImportKeyMaterial',
    'UpdateAlias',
    'Decrypt',
  ])
    await expect(calls).toContainText(call);
  await expect(calls).not.toContainText('ScheduleKeyDeletion');
  await page.getByRole('switch', { name: 'Show AWS CLI equivalent' }).check({ force: true });
  await expect(page.getByTestId('cli-equivalent')).toContainText(
    `aws kms update-alias --region us-east-1 --alias-name ${key.alias} --target-key-id <new-key-id>`,
  );
  await checkStep(page, testInfo, '3-preview');

  await detail.button('Rotate the key').click();
  await expect(page.getByTestId('rotation-verification')).toHaveText(
    /Data encrypted under the old key still decrypts ✓/,
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('old-key-state')).toHaveText('Enabled');
  await expect(page.getByTestId('rotation-result')).toContainText(
    `Aliases now pointing at it: ${key.alias}`,
  );
  await checkStep(page, testInfo, '4-result');
  const large = windowSizes[1];
  await page.setViewportSize({ width: large.width, height: large.height });
  expect(await cutTexts(page), 'result at 1400x900').toEqual([]);
  for (const theme of ['light', 'dark'] as const)
    await layoutShot(page, testInfo, large, 'manual-rotation-4-result', theme);

  // In AWS: the old ciphertext decrypts under the old key, the alias encrypts with the new one.
  const opened = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
  expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe(probe.toString());
  expect(opened.KeyId).toContain(key.keyId);
  const newKeyId = (await page.getByTestId('new-key-link').textContent()) ?? '';
  const fresh = await kms.send(new EncryptCommand({ KeyId: key.alias, Plaintext: probe }));
  expect(fresh.KeyId).toContain(newKeyId);

  // In the app: the new key's page has the alias; the old key's page is Enabled without it.
  await page.getByTestId('new-key-link').click();
  await expect(page.getByTestId('key-id')).toHaveText(newKeyId, { timeout: 30_000 });
  await detail.openTab('Aliases');
  await expect(page.getByTestId('aliases-table')).toContainText(key.alias);
  await detail.open(key.keyId, { tab: 'aliases' });
  await expect(detail.state()).toHaveText('Enabled');
  await expect(page.getByText('No alias points at this key.')).toBeVisible();
  await expect(detail.heading()).toHaveText(key.keyId);
});

test('RSA signing key: the alias moves, old signatures verify with the old key', async ({
  keyward,
}) => {
  const { page } = keyward;
  const key = demoKey('code-signing');
  const kms = await kmsOf(keyward);
  const message = Buffer.from('release 1.0');
  const signed = await kms.send(
    new SignCommand({
      KeyId: key.alias,
      Message: message,
      MessageType: 'RAW',
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    }),
  );

  const detail = new KeyDetailPage(page);
  await openWizard(detail, key.keyId, key.alias);
  await expect(page.getByTestId('why-manual')).toContainText('Asymmetric keys');
  await detail.button('Next: Options').click();
  await detail.button('Next: Preview').click();
  await expect(page.getByTestId('application-impact')).toContainText(
    'Signatures made with the old key must be verified with the old key',
  );
  await detail.button('Rotate the key').click();
  await expect(page.getByTestId('rotation-verification')).toHaveText(
    /Signatures made with the old key still verify with it ✓/,
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('old-key-state')).toHaveText('Enabled');

  const verified = await kms.send(
    new VerifyCommand({
      KeyId: key.keyId,
      Message: message,
      MessageType: 'RAW',
      Signature: signed.Signature,
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    }),
  );
  expect(verified.SignatureValid).toBe(true);
  const newKeyId = (await page.getByTestId('new-key-link').textContent()) ?? '';
  const resigned = await kms.send(
    new SignCommand({
      KeyId: key.alias,
      Message: message,
      MessageType: 'RAW',
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    }),
  );
  expect(resigned.KeyId).toContain(newKeyId);
});
