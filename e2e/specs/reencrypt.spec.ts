import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { checkStep as checkGuidedStep, readScope } from '../pages/guided-job';
import { windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';

// Issue 13 wizard 4: prod's legacy-batch-root snapshot (on aws/ebs, so it cannot be shared) is
// re-encrypted under the customer managed key ebs-workloads: the copy shows on the Snapshots page
// with that key and the original is still there on aws/ebs. Then the legacy-batch-root volume
// (aws/ebs, us-east-1a) gets a new volume under ebs-workloads in the same zone. Axe light and
// dark on every step; nothing cut at 1024×700.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const small = windowSizes[0];
const snapshotId = 'snap-0d15c000000000004';
const volumeId = 'vol-0c0ffee0000000003';

const checkStep = (page: Page, testInfo: TestInfo, name: string) =>
  checkGuidedStep(page, testInfo, `reencrypt-${name}`);
const readProdScope = (page: Page, region: string) => readScope(page, region);

/** The Snapshots table's row of `snapshotId` (a copy's description names its source: not by text). */
const snapshotRow = (page: Page, snapshotId: string) =>
  page.getByRole('table', { name: 'Snapshots' }).locator(`tbody tr[data-row-id$="|${snapshotId}"]`);

/** The Key step: waits for the Region's keys, checks the current one, picks ebs-workloads. */
async function chooseWorkloadsKey(page: Page): Promise<void> {
  await expect(page.getByTestId('reencrypt-current-key')).toHaveText(
    'Current key: alias/aws/ebs (AWS managed)',
    { timeout: 60_000 },
  );
  await expect(page.getByText(/under a customer managed key can be shared/)).toBeVisible();
  await expect(page.getByText(/KMS keys are regional/)).toBeVisible();
  const key = page.getByRole('combobox', { name: /^New key in us-east-1/ });
  await expect(key).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await key.click();
  await page.getByRole('option', { name: 'alias/ebs-workloads' }).click();
}

/** Preview, Preflight, Run: each step checked; ends on the done view. */
async function previewCheckRun(page: Page, testInfo: TestInfo, start: string, shot: string) {
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws ec2 copy-snapshot');
  await checkStep(page, testInfo, `${shot}-preview`);
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByTestId('workflow-preflight-check').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: start })).toBeEnabled();
  await checkStep(page, testInfo, `${shot}-preflight`);
  await page.getByRole('button', { name: start }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('reencrypt-original-kept')).toContainText('is kept as it was');
  await checkStep(page, testInfo, `${shot}-done`);
}

test('re-encrypt an aws/ebs snapshot under a customer managed key, keeping the original', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  await new ShellPage(page).open('Snapshots');
  await readProdScope(page, 'us-east-1');
  await snapshotRow(page, snapshotId)
    .getByRole('button', { name: 'Re-encrypt under another key…' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Re-encrypt ${snapshotId} under another key`,
  );
  await chooseWorkloadsKey(page);
  await checkStep(page, testInfo, 'snapshot-key');
  await previewCheckRun(page, testInfo, 'Re-encrypt the snapshot', 'snapshot');
  const copy = (await page.getByTestId('reencrypt-new-snapshot').textContent()) ?? '';
  expect(copy).toMatch(/^snap-/);
  await expect(
    page.getByRole('link', { name: 'Share the new snapshot with another account…' }),
  ).toHaveAttribute('href', new RegExp(`/snapshots/share/.+/us-east-1/${copy}$`));

  await page.getByRole('link', { name: /Open the Snapshots page/ }).click();
  await readProdScope(page, 'us-east-1');
  await expect(snapshotRow(page, copy)).toContainText('customer managed key alias/ebs-workloads');
  await expect(snapshotRow(page, snapshotId)).toContainText('aws/ebs');
});

test('re-encrypt an aws/ebs volume: a new volume under the new key in the same zone', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  await new ShellPage(page).open('Snapshots');
  await page.getByRole('button', { name: 'Re-encrypt a volume…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-encrypt a volume');
  // The header's profile and Region are chosen already.
  await expect(page.getByRole('combobox', { name: 'Profile', exact: true })).toHaveValue(
    'Sandbox · prod',
  );
  await expect(page.getByRole('combobox', { name: 'Region', exact: true })).toHaveValue(
    /^us-east-1/,
  );
  await page.getByRole('combobox', { name: 'Volume', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`^${volumeId}`) }).click();
  await checkStep(page, testInfo, 'choose-volume');
  await page.getByRole('button', { name: 'Next: choose the key' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Re-encrypt ${volumeId} under another key`,
  );
  await expect(page.getByTestId('reencrypt-place')).toHaveText('us-east-1a');
  await chooseWorkloadsKey(page);
  await checkStep(page, testInfo, 'volume-key');
  await previewCheckRun(page, testInfo, 'Re-encrypt the volume', 'volume');
  const made = (await page.getByTestId('reencrypt-new-volume').textContent()) ?? '';
  expect(made).toMatch(/^vol-/);

  // The new volume, opened in the same wizard, is in the same zone under ebs-workloads.
  await page.goto(page.url().replace(/\/volumes\/reencrypt\/.*$/, '/volumes/reencrypt'));
  // The header's profile and Region are chosen already.
  await expect(page.getByRole('combobox', { name: 'Profile', exact: true })).toHaveValue(
    'Sandbox · prod',
  );
  await expect(page.getByRole('combobox', { name: 'Region', exact: true })).toHaveValue(
    /^us-east-1/,
  );
  await page.getByRole('combobox', { name: 'Volume', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`^${made}`) }).click();
  await page.getByRole('button', { name: 'Next: choose the key' }).click();
  await expect(page.getByTestId('reencrypt-place')).toHaveText('us-east-1a');
  await expect(page.getByTestId('reencrypt-current-key')).toHaveText(
    'Current key: alias/ebs-workloads (customer managed)',
    { timeout: 60_000 },
  );
});
