import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { ShellPage } from '../pages/shell';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function keychainLookup(profileId: string): string | null {
  const run = spawnSync('secret-tool', ['lookup', 'service', 'keyward', 'username', profileId], {
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout : null;
}

test('an access-key profile keeps its secret in the OS keychain and nowhere else', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  const { page, dataDir } = keyward;
  const received: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) received.push(await response.text().catch(() => ''));
  });

  // In "AWS" (the sandbox), an administrator creates a user with an access key.
  const admin = await sandboxAdmin(keyward.host!, dataDir);
  const iam = new IAMClient(admin.config);
  await iam.send(new CreateUserCommand({ UserName: 'e2e-alice' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'e2e-alice' }));
  const keyId = AccessKey!.AccessKeyId!;
  const secret = AccessKey!.SecretAccessKey!;

  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill('alice');
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByLabel('Access key ID').fill(keyId);
  await dialog.getByLabel('Secret access key').fill(secret);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('profile-alice');
  await expect(row).toContainText('arn:aws:iam::111111111111:user/e2e-alice');
  await expect(row).toContainText('verified');
  await expect(row).toContainText(`${keyId.slice(0, 4)}…${keyId.slice(-4)}`);

  const saved = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as {
    profiles: { id: string; name: string }[];
  };
  const profileId = saved.profiles.find((profile) => profile.name === 'alice')!.id;
  expect(keychainLookup(profileId)).toContain(secret);

  // Rotation: a second key of the same user replaces the first through Edit, checked first.
  const { AccessKey: rotated } = await iam.send(
    new CreateAccessKeyCommand({ UserName: 'e2e-alice' }),
  );
  const newKeyId = rotated!.AccessKeyId!;
  const newSecret = rotated!.SecretAccessKey!;
  await row.getByRole('button', { name: 'Edit alice' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “alice”' });
  await expect(edit.getByLabel('Profile name')).toHaveValue('alice');
  await edit.getByLabel('Replace the access key (after rotating it in IAM)').check();
  await edit.getByLabel('New access key ID').fill(newKeyId);
  await edit.getByLabel('New secret access key').fill(newSecret);
  await edit.getByRole('button', { name: 'Check and save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(`${newKeyId.slice(0, 4)}…${newKeyId.slice(-4)}`);
  await expect(row).toContainText('arn:aws:iam::111111111111:user/e2e-alice');
  expect(keychainLookup(profileId)).toContain(newSecret);
  expect(keychainLookup(profileId)).not.toContain(secret);

  // Nothing of the key outside the keychain: not in Keyward's files (the sandbox's own state
  // under sandbox/ plays AWS, which must know the key), not in logs, not in what the page got.
  await page.reload();
  await expect(page.getByTestId('profile-alice')).toBeVisible();
  const keywardFiles = filesUnder(dataDir).filter(
    (path) => !relative(dataDir, path).startsWith('sandbox'),
  );
  expect(keywardFiles.some((path) => path.endsWith('main.log'))).toBe(true);
  const traces = [secret, keyId, newSecret, newKeyId];
  for (const path of keywardFiles) {
    const text = readFileSync(path, 'latin1');
    for (const trace of traces) expect(text.includes(trace), `key material in ${path}`).toBe(false);
  }
  expect(received.length).toBeGreaterThan(3);
  expect(received.some((body) => traces.some((trace) => body.includes(trace)))).toBe(false);

  // Deleting the profile (after confirming) removes the keychain entry.
  await page.getByRole('button', { name: 'Delete alice' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “alice”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByTestId('profile-alice')).toHaveCount(0);
  expect(keychainLookup(profileId)).toBeNull();
  // Polled: another spec writing to the same keyring at this moment makes a search fail once
  // ("No such secret item").
  await expect
    .poll(() => {
      const run = spawnSync('secret-tool', ['search', '--all', 'service', 'keyward'], {
        encoding: 'utf8',
      });
      return run.status === 0 ? run.stdout : `search failed: ${run.stderr}`;
    })
    .not.toMatch(new RegExp(`${profileId}|^search failed`));
});

test('a key AWS does not know is refused with a clear reason, and can be saved marked failed', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill('typo');
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByLabel('Access key ID').fill('AKIAIOSFODNN7EXAMPLE');
  await dialog.getByLabel('Secret access key').fill('a'.repeat(40));
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Credentials not accepted');
  await expect(dialog.getByRole('alert').first()).toContainText('InvalidClientTokenId');
  await dialog.getByLabel('Save even if the identity check fails').check();
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('profile-typo')).toContainText('failed');
});

test('the sandbox identities appear as profiles with their verified identity', async ({
  keyward,
}) => {
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  for (const [name, arn] of [
    ['prod', 'arn:aws:iam::111111111111:user/admin'],
    ['backup', 'arn:aws:iam::222222222222:user/admin'],
    ['partner', 'arn:aws:iam::333333333333:user/admin'],
    ['prod-developer', 'arn:aws:iam::111111111111:user/prod-developer'],
  ]) {
    const row = page.getByTestId(`profile-Sandbox · ${name}`);
    await expect(row).toContainText(arn!);
    await expect(row).toContainText('verified');
    await expect(row.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  }
});
