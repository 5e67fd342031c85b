import { totp } from '../../src-sandbox/identity/totp';
import { DEMO_MFA_SECRET, PROD_ADMIN_MFA_SERIAL } from '../../src-sandbox/seed/demo-world';
import { expect, test } from '../fixtures/launch-app';
import { AssumeRoleDialog } from '../pages/add-profile-dialog';
import { ShellPage } from '../pages/shell';

const BACKUP_OPERATOR = 'arn:aws:iam::222222222222:role/BackupOperator';

test('assume BackupOperator in the backup account from the prod profile', async ({ keyward }) => {
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  const add = new AssumeRoleDialog(page);
  await add.open();
  await add.fill({
    name: 'backup-op',
    source: 'Sandbox · prod',
    roleArn: BACKUP_OPERATOR,
    externalId: 'keyward-demo',
  });
  await add.submit();
  await expect(add.dialog).toBeHidden();
  const row = page.getByTestId('profile-backup-op');
  await expect(row).toContainText('arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward');
  await expect(row).toContainText('verified');
  await expect(row.getByTestId('session-state')).toContainText(
    /Session: (1 h 0 min|59 min|60 min) left/,
  );
});

test('a wrong external id is refused with the reason', async ({ keyward }) => {
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  const add = new AssumeRoleDialog(page);
  await add.open();
  await add.fill({
    name: 'wrong',
    source: 'Sandbox · prod',
    roleArn: BACKUP_OPERATOR,
    externalId: 'guess',
  });
  await add.submit();
  const alert = add.dialog.getByRole('alert').first();
  await expect(alert).toContainText('Access denied');
  await expect(alert).toContainText('external id');
  await expect(alert).toContainText('AccessDenied');
  await expect(page.getByTestId('profile-wrong')).toHaveCount(0);
});

test('a role that needs MFA starts its session with a code from the device', async ({
  keyward,
}) => {
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  const add = new AssumeRoleDialog(page);
  await add.open();
  await add.fill({
    name: 'break-glass',
    source: 'Sandbox · prod',
    roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
    mfaSerial: PROD_ADMIN_MFA_SERIAL,
  });
  await add.submit();
  await expect(
    add.dialog.getByText('Enter the current code, or save without checking'),
  ).toBeVisible();
  await add.dialog.getByLabel('Save even if the role cannot be assumed now').check();
  await add.submit();
  await expect(add.dialog).toBeHidden();
  const row = page.getByTestId('profile-break-glass');
  await expect(row.getByTestId('session-state')).toHaveText('No session (needs MFA)');

  await row.getByRole('button', { name: 'Start session for break-glass' }).click();
  const mfa = page.getByRole('dialog', { name: 'MFA code for “break-glass”' });
  await mfa.getByRole('textbox').first().click();
  await page.keyboard.type(totp(DEMO_MFA_SECRET, new Date()));
  await mfa.getByRole('button', { name: 'Start session' }).click();
  await expect(mfa).toBeHidden();
  await expect(row).toContainText('arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward');
  await expect(row.getByTestId('session-state')).toContainText('Session:');
});
