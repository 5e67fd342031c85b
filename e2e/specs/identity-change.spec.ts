import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { AssumeRoleDialog } from '../pages/add-profile-dialog';
import { ShellPage } from '../pages/shell';

test.setTimeout(150_000);

const DEVELOPER_ARN = 'arn:aws:iam::111111111111:user/prod-developer';
const ADMIN_ARN = 'arn:aws:iam::111111111111:user/admin';

function keychainLookup(profileId: string): string | null {
  const run = spawnSync('secret-tool', ['lookup', 'service', 'keyward', 'username', profileId], {
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout : null;
}

function profileIdOf(dataDir: string, name: string): string {
  const saved = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as {
    profiles: { id: string; name: string }[];
  };
  return saved.profiles.find((profile) => profile.name === name)!.id;
}

/** The header's profile picker, as a user chooses in it. */
async function chooseActiveProfile(page: Page, name: string): Promise<void> {
  await new ShellPage(page).chooseProfile(name);
  await expect(new ShellPage(page).profilePicker()).toHaveAccessibleName(
    new RegExp(`^Active profile: ${name}\\b`),
  );
}

async function addAccessKey(
  page: Page,
  values: { name: string; target: 'Keyward sandbox' | 'AWS'; id: string; secret: string },
) {
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill(values.name);
  await dialog.locator('label', { hasText: new RegExp(`^${values.target}$`) }).click();
  await dialog.getByLabel('Access key ID').fill(values.id);
  await dialog.getByLabel('Secret access key').fill(values.secret);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  return dialog;
}

test('replacing a key with another principal’s asks first; deleting names dependents and warns about the active profile', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  const { page, dataDir } = keyward;
  const developer = (await sandboxAdmin(keyward.host!, dataDir, 'prod-developer')).config
    .credentials;
  const admin = (await sandboxAdmin(keyward.host!, dataDir, 'prod')).config.credentials;

  await new ShellPage(page).open('Profiles');
  const added = await addAccessKey(page, {
    name: 'dev',
    target: 'Keyward sandbox',
    id: developer.accessKeyId,
    secret: developer.secretAccessKey,
  });
  await expect(added).toBeHidden();
  const row = page.getByTestId('profile-dev');
  await expect(row).toContainText(DEVELOPER_ARN);
  const id = profileIdOf(dataDir, 'dev');
  const developerHint = `${developer.accessKeyId.slice(0, 4)}…${developer.accessKeyId.slice(-4)}`;

  // Edit → Replace the access key with the prod administrator's: another principal.
  const replaceWithAdminKey = async () => {
    await row.getByRole('button', { name: 'Edit dev' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “dev”' });
    await edit.getByLabel('Replace the access key (after rotating it in IAM)').check();
    await edit.getByLabel('New access key ID').fill(admin.accessKeyId);
    await edit.getByLabel('New secret access key').fill(admin.secretAccessKey);
    await edit.getByRole('button', { name: 'Check and save' }).click();
    const change = edit.getByTestId('identity-change');
    await expect(change.getByTestId('identity-was')).toContainText(DEVELOPER_ARN);
    await expect(change.getByTestId('identity-now')).toContainText(ADMIN_ARN);
    return { edit, change };
  };

  const first = await replaceWithAdminKey();
  await first.change.getByRole('button', { name: 'Keep the old key' }).click();
  await expect(first.edit).toBeHidden();
  await expect(page.getByText('Nothing changed in “dev”')).toBeVisible();
  await expect(row).toContainText(DEVELOPER_ARN);
  await expect(row).toContainText(developerHint);
  expect(keychainLookup(id)).toContain(developer.secretAccessKey);

  const second = await replaceWithAdminKey();
  await second.change.getByRole('button', { name: 'Save with the new identity' }).click();
  await expect(second.edit).toBeHidden();
  await expect(row).toContainText(ADMIN_ARN);
  expect(keychainLookup(id)).toContain(admin.secretAccessKey);

  // A role profile that assumes its role as “dev”.
  const role = new AssumeRoleDialog(page);
  await role.open();
  await role.fill({
    name: 'BackupOperator-role',
    source: 'dev',
    roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
    externalId: 'keyward-demo',
  });
  await role.submit();
  await expect(role.dialog).toBeHidden();

  // Deleting “dev” is refused before anything is asked.
  await row.getByRole('button', { name: 'Delete dev' }).click();
  const refuse = page.getByRole('dialog', { name: 'Delete “dev”?' });
  await expect(refuse).toContainText(
    '“BackupOperator-role” uses this profile as its source: delete it or point it at another profile first.',
  );
  await expect(refuse.getByRole('button', { name: 'Delete profile' })).toBeDisabled();
  await refuse.getByRole('button', { name: 'Cancel' }).click();
  await expect(refuse).toBeHidden();

  // Deleting the active profile says so, in the words of its kind.
  await chooseActiveProfile(page, 'BackupOperator-role');
  await page.getByRole('button', { name: 'Delete BackupOperator-role' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “BackupOperator-role”?' });
  await expect(confirm).toContainText('This is the active profile');
  await expect(confirm).toContainText('switch to no active profile');
  await expect(confirm).toContainText('The role itself in AWS is untouched');
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByTestId('profile-BackupOperator-role')).toHaveCount(0);
  await expect(new ShellPage(page).profilePicker()).toHaveAccessibleName('Active profile: none');

  // Now nothing depends on “dev”: its dialog says the key leaves the credential store.
  await row.getByRole('button', { name: 'Delete dev' }).click();
  const last = page.getByRole('dialog', { name: 'Delete “dev”?' });
  await expect(last).toContainText('removes the access key');
  await expect(last).toContainText('from the credential store');
  await last.getByRole('button', { name: 'Delete profile' }).click();
  await expect(row).toHaveCount(0);
  expect(keychainLookup(id)).toBeNull();
});

test.describe('behind a proxy that refuses connections', () => {
  test.use({ appEnv: { HTTPS_PROXY: 'http://127.0.0.1:1' } });

  test('a network failure is named, with a network hint, never “Fix the keys”; saved anyway, the header says the check failed', async ({
    keyward,
  }) => {
    const { page } = keyward;
    await new ShellPage(page).open('Profiles');
    const dialog = await addAccessKey(page, {
      name: 'offline',
      target: 'AWS',
      id: 'AKIAIOSFODNN7EXAMPLE',
      secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    const alert = dialog.getByRole('alert').first();
    await expect(alert).toContainText('Proxy 127.0.0.1:1 refused the connection (ECONNREFUSED)');
    await expect(alert).toContainText('Settings › Network');
    await expect(dialog).toContainText('could not reach AWS');
    await expect(dialog).not.toContainText('Fix the keys');

    await dialog.getByLabel('Save even if the identity check fails').check();
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('profile-offline')).toContainText('failed');

    // No badge while the active profile (the sandbox's prod) checks out.
    const badge = page.getByTestId('profile-health-badge');
    await expect(badge).toHaveCount(0);
    await chooseActiveProfile(page, 'offline');
    await expect(badge).toHaveText('Check failed');
    await badge.hover();
    await expect(page.getByRole('tooltip')).toContainText(
      'Proxy 127.0.0.1:1 refused the connection (ECONNREFUSED)',
    );
    await badge.click();
    const health = page.getByTestId('profile-health');
    await expect(health).toContainText('The last identity check of “offline” failed');
    await health.getByRole('button', { name: 'Check again' }).click();
    // Still behind the same proxy: the check fails again and says why.
    await expect(page.getByText('Proxy 127.0.0.1:1 refused the connection').last()).toBeVisible();
    await expect(badge).toBeVisible();
  });
});

test.describe('behind a proxy whose name does not resolve', () => {
  test.use({ appEnv: { HTTPS_PROXY: 'http://proxy.nonexistent.invalid:3128' } });

  test('the DNS failure is named as such', async ({ keyward }) => {
    const { page } = keyward;
    await new ShellPage(page).open('Profiles');
    const dialog = await addAccessKey(page, {
      name: 'unresolved',
      target: 'AWS',
      id: 'AKIAIOSFODNN7EXAMPLE',
      secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    const alert = dialog.getByRole('alert').first();
    await expect(alert).toContainText(
      'Could not resolve the proxy proxy.nonexistent.invalid (ENOTFOUND)',
    );
    await expect(dialog).toContainText('could not reach AWS');
    await expect(dialog).not.toContainText('Fix the keys');
  });
});
