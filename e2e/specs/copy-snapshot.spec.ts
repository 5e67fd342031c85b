import { expect, test } from '../fixtures/launch-app';
import { SOURCE_SNAPSHOT } from '../pages/copy-snapshot-wizard';
import { windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';
import { checkStep, readScope, snapshotRow } from '../pages/guided-job';

// Issue 13 wizard 1: copy prod's db-primary-nightly from us-east-1 to eu-west-1 under prod's
// key there (the global-orders replica); the copy then shows on the Snapshots page encrypted with
// it. Axe light and dark on every step; nothing cut at 1024×700 on the preview.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const snapshotId = SOURCE_SNAPSHOT;

test('copy a snapshot to another Region under a key of that Region', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const small = windowSizes[0];
  await page.setViewportSize({ width: small.width, height: small.height });
  const shell = new ShellPage(page);
  await shell.open('Snapshots');
  await readScope(page, 'us-east-1');
  await snapshotRow(page, snapshotId)
    .getByRole('button', { name: 'Copy to another Region…' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Copy ${snapshotId} to another Region`,
  );

  await expect(page.getByText(/KMS keys are regional/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Destination Region', exact: true }).click();
  await page.getByRole('option', { name: /^eu-west-1/ }).click();
  const key = page.getByRole('combobox', { name: /^Key in eu-west-1/ });
  await expect(key).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await key.click();
  await page.getByRole('option', { name: 'alias/global-orders' }).click();
  await checkStep(page, testInfo, 'copy-snapshot-destination');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step').first()).toContainText('ec2:CopySnapshot');
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws ec2 copy-snapshot');
  await checkStep(page, testInfo, 'copy-snapshot-preview');

  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText('Every check passed')).toBeVisible({ timeout: 60_000 });
  await checkStep(page, testInfo, 'copy-snapshot-preflight');

  await page.getByRole('button', { name: 'Copy the snapshot' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 180_000 });
  const copy = (await page.getByTestId('copy-new-snapshot').textContent()) ?? '';
  expect(copy).toMatch(/^snap-/);
  await checkStep(page, testInfo, 'copy-snapshot-done');

  await page.getByRole('link', { name: /Open the Snapshots page/ }).click();
  await readScope(page, 'eu-west-1');
  await expect(snapshotRow(page, copy)).toContainText('customer managed key alias/global-orders');
});
