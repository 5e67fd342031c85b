import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { ShellPage } from '../pages/shell';

// A Linux host with no Secret Service: the session bus the app is told of does not exist, so
// the OS keychain cannot be used. (The test runner's own keyring session stays untouched.)
test.use({ appEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyward-e2e-bus' } });

const passphrase = 'correct horse battery staple';

/** Waits for the answer to one API call the page makes while `act` runs. */
async function answerTo(page: Page, call: string, act: () => Promise<void>) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes(`/api/invoke/${call}`)),
    act(),
  ]);
  return (await response.json()) as { ok: boolean; error?: { code: string } };
}

test('without an OS keychain, secrets go to the encrypted file: created from the failed save, locked after a restart, unlocked with the passphrase', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  test.setTimeout(180_000); // three scrypt derivations (N = 2^17) and a restart
  let page = keyward.page;
  const { dataDir } = keyward;

  // In "AWS" (the sandbox), an administrator creates a user with an access key.
  const admin = await sandboxAdmin(keyward.host!, dataDir);
  const iam = new IAMClient(admin.config);
  await iam.send(new CreateUserCommand({ UserName: 'e2e-carol' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'e2e-carol' }));
  const keyId = AccessKey!.AccessKeyId!;
  const secret = AccessKey!.SecretAccessKey!;

  // The keys are good, but there is nowhere to keep the secret: no "fix the keys" then.
  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill('carol');
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByLabel('Access key ID').fill(keyId);
  await dialog.getByLabel('Secret access key').fill(secret);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('OS keychain unavailable');
  await expect(dialog).not.toContainText('Fix the keys');
  await dialog.getByRole('button', { name: 'Use an encrypted file instead' }).click();

  const create = page.getByRole('dialog', { name: 'Use an encrypted file' });
  await create.getByLabel('New passphrase').fill(passphrase);
  await create.getByLabel('Confirm passphrase').fill(passphrase);
  await create.getByRole('button', { name: 'Create and use the file' }).click();
  await expect(create).toBeHidden();
  // The save was retried once the file could take the secret.
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('profile-carol');
  await expect(row).toContainText('arn:aws:iam::111111111111:user/e2e-carol');
  await expect(row).toContainText('verified');

  const file = join(dataDir, 'secrets.enc.json');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const onDisk = readFileSync(file, 'utf8');
  for (const trace of [secret, keyId, passphrase]) expect(onDisk).not.toContain(trace);
  expect(JSON.parse(onDisk)).toMatchObject({ version: 1, kdf: { name: 'scrypt', N: 131072 } });

  // A restart: the key is gone with the process, the file store starts locked.
  page = await keyward.restart();
  await new ShellPage(page).open('Profiles');
  const banner = page.getByTestId('credentials-locked');
  await expect(banner).toContainText('Credentials are locked');
  const lockedCheck = await answerTo(page, 'profiles.verify', () =>
    page.getByTestId('profile-carol').getByRole('button', { name: 'Verify carol' }).click(),
  );
  expect(lockedCheck.error?.code).toBe('secret-store-locked');
  const notice = page.getByRole('alert').filter({ hasText: 'Credentials are locked' }).last();
  await expect(notice.getByRole('button', { name: 'Unlock' })).toBeVisible();

  await banner.getByRole('button', { name: 'Unlock' }).click();
  const unlock = page.getByRole('dialog', { name: 'Unlock credentials' });
  await unlock.getByLabel('Passphrase').fill('not the passphrase');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toContainText('Wrong passphrase');
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('Passphrase').fill(passphrase);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toBeHidden();
  await expect(banner).toBeHidden();

  // The identity check reads the key from the file again.
  const checked = await answerTo(page, 'profiles.verify', () =>
    page.getByTestId('profile-carol').getByRole('button', { name: 'Verify carol' }).click(),
  );
  expect(checked).toMatchObject({ ok: true });
  await expect(page.getByTestId('profile-carol')).toContainText('verified');

  // Settings names the store in use, and diagnostics probe it.
  await new ShellPage(page).open('Settings');
  const card = page.getByTestId('credential-store');
  await expect(card).toContainText('Encrypted file');
  await expect(card).toContainText(file);
  await expect(card).toContainText('Unlocked');
  await expect(card.getByRole('button', { name: 'Switch to the OS keychain' })).toBeDisabled();
  await page.getByRole('button', { name: 'Run diagnostics' }).click();
  const results = page.getByTestId('diagnostics-results');
  const check = results
    .getByRole('listitem')
    .filter({ hasText: 'Encrypted credential file stores and removes a secret' });
  await expect(check.getByLabel('pass')).toBeVisible();

  // Nothing of the key or the passphrase in Keyward's log.
  const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
  for (const trace of [secret, passphrase, 'not the passphrase']) expect(log).not.toContain(trace);
});
