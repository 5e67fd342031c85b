import { totp } from '../../src-sandbox/identity/totp';
import { DEMO_MFA_SECRET, PROD_ADMIN_MFA_SERIAL } from '../../src-sandbox/seed/demo-world';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { AssumeRoleDialog } from '../pages/add-profile-dialog';
import { ShellPage } from '../pages/shell';

test('an access key with an MFA device starts an MFA session, and a role that needs MFA is assumed from it', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'reads the sandbox’s keys through the browser-mode host');
  test.setTimeout(150_000); // two dialogs, two TOTP codes and STS round trips; slow on a loaded 2-core machine
  const { page, dataDir } = keyward;
  const admin = await sandboxAdmin(keyward.host!, dataDir);

  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill('prod-admin');
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByLabel('Access key ID').fill(admin.config.credentials.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(admin.config.credentials.secretAccessKey);
  await dialog.getByLabel('MFA device (optional)').fill(PROD_ADMIN_MFA_SERIAL);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('profile-prod-admin');
  await expect(row).toContainText('arn:aws:iam::111111111111:user/admin');
  await expect(row.getByTestId('session-state')).toHaveText(
    'No MFA session (calls use the access key alone)',
  );

  await row.getByRole('button', { name: 'Start session for prod-admin' }).click();
  const mfa = page.getByRole('dialog', { name: 'MFA code for “prod-admin”' });
  await expect(mfa).toContainText(PROD_ADMIN_MFA_SERIAL);
  await mfa.getByRole('textbox').first().click();
  await page.keyboard.type(totp(DEMO_MFA_SECRET, new Date()));
  await mfa.getByRole('button', { name: 'Start session' }).click();
  await expect(mfa).toBeHidden();
  await expect(row.getByTestId('session-state')).toHaveText(
    /^MFA session: (12 h 0 min|11 h 59 min) left$/,
  );

  // BreakGlassAdmin trusts prod only with MFA; the MFA session of prod-admin is enough.
  const add = new AssumeRoleDialog(page);
  await add.open();
  await add.fill({
    name: 'break-glass',
    source: 'prod-admin',
    roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
  });
  await add.submit();
  await expect(add.dialog).toBeHidden();
  const role = page.getByTestId('profile-break-glass');
  await expect(role).toContainText(
    'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward',
  );
  await expect(role).toContainText('verified');

  // Leave no keychain entry behind: delete the role, then the access key.
  for (const name of ['break-glass', 'prod-admin']) {
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page
      .getByRole('dialog', { name: `Delete “${name}”?` })
      .getByRole('button', { name: 'Delete profile' })
      .click();
    await expect(page.getByTestId(`profile-${name}`)).toHaveCount(0);
  }
});
