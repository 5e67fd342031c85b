import { expect, test } from '../fixtures/launch-app';
import { KeyDetailPage } from '../pages/key-detail';
import { demoKey } from '../../src-sandbox/seed/demo-keys';
import {
  PROD_AMI_WEB,
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_WEB_DATA,
  PROD_SNAPSHOT_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';

// Issue 12 §3, §5, §7 (rotation tab): a demo key of the sandbox's prod account, opened directly.

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 20_000 });

test('rotation: on with a period, rotate now, the history shows it', async ({ keyward }) => {
  const detail = new KeyDetailPage(keyward.page);
  const key = demoKey('payments-legacy');
  await detail.open(key.keyId, { tab: 'rotation' });
  await expect(detail.heading()).toHaveText(key.alias);
  await expect(detail.page.getByTestId('rotation-status')).toHaveText('Off');
  await expect(detail.page.getByTestId('rotation-history-empty')).toBeVisible();

  await detail.page.getByRole('switch', { name: 'Rotate automatically' }).check({ force: true });
  await detail.page.getByRole('textbox', { name: 'Rotation period (days)' }).fill('200');
  await detail.button('Save rotation').click();
  await expect(detail.page.getByTestId('rotation-status')).toHaveText('On');
  await expect(detail.page.getByText('200 days', { exact: true })).toBeVisible();

  await detail.button('Rotate now…').click();
  const confirm = detail.dialog('Rotate the key material now?');
  await confirm.getByRole('button', { name: 'Rotate now' }).click();
  await expect(confirm).toBeHidden();
  const history = detail.page.getByRole('table', { name: 'Rotation history' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('On demand');

  // The tab is in the address: a reload opens the same one.
  await detail.page.reload();
  await expect(detail.tab('Rotation')).toHaveAttribute('aria-selected', 'true', {
    timeout: 30_000,
  });
});

test('schedule deletion shows the snapshots on the key, then cancel and enable', async ({
  keyward,
}) => {
  const detail = new KeyDetailPage(keyward.page);
  const key = demoKey('ebs-workloads');
  await detail.open(key.keyId);
  await expect(detail.state()).toHaveText('Enabled');

  await detail.button('Schedule deletion…').click();
  const dialog = detail.dialog('Schedule this key’s deletion?');
  const report = dialog.getByTestId('impact-report');
  for (const id of [PROD_SNAPSHOT_DB_NIGHTLY, PROD_SNAPSHOT_WEB_ROOT, PROD_SNAPSHOT_WEB_DATA])
    await expect(report).toContainText(id, { timeout: 30_000 });
  await expect(report).toContainText(PROD_AMI_WEB);
  await expect(report).toContainText(key.alias);
  await expect(report.getByTestId('recent-use')).toContainText(/Recent use: (Used|No use)/);
  await expect(dialog.getByRole('textbox', { name: 'Waiting period (days)' })).toHaveValue('30');
  const go = dialog.getByRole('button', { name: 'Schedule deletion' });
  await expect(go).toBeDisabled();
  await detail.typeToConfirm(dialog, key.alias);
  await go.click();
  await expect(dialog).toBeHidden();
  await expect(detail.state()).toHaveText('Pending deletion');
  await expect(detail.page.getByTestId('pending-deletion')).toBeVisible();

  await detail.button('Cancel deletion').click();
  const notice = detail.page.getByTestId('deletion-cancelled');
  await expect(notice).toContainText('Disabled');
  await expect(detail.state()).toHaveText('Disabled');
  await notice.getByRole('button', { name: 'Enable the key' }).click();
  await expect(detail.state()).toHaveText('Enabled');
});

test('aliases and tags: add and remove', async ({ keyward }) => {
  const detail = new KeyDetailPage(keyward.page);
  const key = demoKey('app-data');
  await detail.open(key.keyId, { tab: 'aliases' });
  const aliases = detail.page.getByRole('table', { name: 'Aliases' });
  await detail.page.getByRole('textbox', { name: 'New alias' }).fill('alias/e2e-extra');
  await detail.button('Create alias').click();
  await expect(aliases.getByText('alias/e2e-extra')).toBeVisible();
  await detail.button('Delete alias/e2e-extra').click();
  const confirm = detail.dialog('Delete alias/e2e-extra?');
  await confirm.getByRole('button', { name: 'Delete alias' }).click();
  await expect(aliases.getByText('alias/e2e-extra')).toHaveCount(0);

  await detail.openTab('Tags');
  const tags = detail.page.getByRole('table', { name: 'Tags' });
  await detail.page.getByRole('textbox', { name: 'Tag key' }).fill('Owner');
  await detail.page.getByRole('textbox', { name: 'Value' }).fill('e2e');
  await detail.button('Add tag').click();
  await expect(tags.getByRole('row', { name: /Owner e2e/ })).toBeVisible();
  await detail.button('Edit tag Owner').click();
  await detail.page.getByRole('textbox', { name: 'Value' }).fill('e2e-2');
  await detail.button('Save tag').click();
  await expect(tags.getByRole('row', { name: /Owner e2e-2/ })).toBeVisible();
  await detail.button('Remove tag Owner').click();
  await expect(tags.getByRole('cell', { name: 'Owner', exact: true })).toHaveCount(0);
});

test('the inventory’s Open lands on the key’s page, and Keys leads back', async ({ keyward }) => {
  const { page } = keyward;
  const detail = new KeyDetailPage(page);
  const key = demoKey('app-data');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Keys', exact: true })
    .click();
  await page
    .getByRole('button', { name: `Open ${key.alias}` })
    .first()
    .click({ timeout: 90_000 });
  await expect(page.getByTestId('key-id')).toHaveText(key.keyId);
  await expect(detail.heading()).toHaveText(key.alias);
  await page.getByTestId('back-to-keys').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
});
