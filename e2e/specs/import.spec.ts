import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { ShellPage } from '../pages/shell';

// The app reads the AWS CLI files from here (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE),
// never from the real ~/.aws.
const awsDir = mkdtempSync(join(tmpdir(), 'keyward-e2e-aws-'));
const configFile = join(awsDir, 'config');
const credentialsFile = join(awsDir, 'credentials');
// A worker that ran this file's afterAll may be given another of its tests: have the folder back.
test.beforeEach(() => mkdirSync(awsDir, { recursive: true }));
test.afterAll(() => rmSync(awsDir, { recursive: true, force: true }));
test.use({ appEnv: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile } });

/** Serious or critical axe findings inside the open dialog. */
async function axeProblems(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  return scan.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

function keychainLookup(profileId: string): string | null {
  const run = spawnSync('secret-tool', ['lookup', 'service', 'keyward', 'username', profileId], {
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout : null;
}

test('imports a static key from ~/.aws into the keychain, then removes it from the file after a backup', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  test.setTimeout(150_000); // two axe scans and a file round trip; slow on a loaded 2-core machine
  const { page, dataDir } = keyward;

  // In "AWS" (the sandbox) a user with an access key, which sits in the CLI's plaintext file.
  const admin = await sandboxAdmin(keyward.host!, dataDir);
  const iam = new IAMClient(admin.config);
  await iam.send(new CreateUserCommand({ UserName: 'e2e-importer' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'e2e-importer' }));
  const keyId = AccessKey!.AccessKeyId!;
  const secret = AccessKey!.SecretAccessKey!;
  const original = [
    '# Team credentials: this comment stays',
    '[importer]',
    `aws_access_key_id = ${keyId}`,
    `aws_secret_access_key = ${secret}`,
    '',
    '[other]',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '',
  ].join('\n');
  writeFileSync(credentialsFile, original, { mode: 0o600 });
  writeFileSync(
    configFile,
    [
      '[profile importer]',
      'region = us-east-1',
      '',
      '[profile orphan]',
      'role_arn = arn:aws:iam::111111111111:role/Missing',
      'source_profile = nowhere',
      '',
    ].join('\n'),
  );

  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from AWS config' });
  await expect(dialog).toContainText(configFile);
  const row = dialog.getByTestId('import-importer');
  await expect(row).toContainText('Access key');
  await expect(row).toContainText(`${keyId.slice(0, 4)}…${keyId.slice(-4)}`);
  await expect(row).not.toContainText(keyId);
  const orphan = dialog.getByTestId('import-orphan');
  await expect(orphan).toContainText('“nowhere” is not in your AWS files');
  await expect(orphan.getByRole('checkbox', { name: 'Import orphan' })).toBeDisabled();

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeProblems(page)).toEqual([]);

  // Keyboard: tick the profile with Space.
  await row.getByRole('checkbox', { name: 'Import importer' }).focus();
  await page.keyboard.press('Space');
  await expect(row.getByRole('checkbox', { name: 'Import importer' })).toBeChecked();
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByRole('button', { name: 'Import 1 profile' }).click();

  const result = dialog.getByTestId('imported-importer');
  await expect(result).toContainText('verified');
  await expect(result).toContainText('arn:aws:iam::111111111111:user/e2e-importer');
  await expect(dialog).toContainText('The keys are still in the plaintext file');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeProblems(page)).toEqual([]);

  const saved = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as {
    profiles: { id: string; name: string }[];
  };
  const profileId = saved.profiles.find((profile) => profile.name === 'importer')!.id;
  expect(keychainLookup(profileId)).toContain(secret);
  // Importing wrote nothing to the AWS files.
  expect(readFileSync(credentialsFile, 'utf8')).toBe(original);

  // The offer to tidy the plaintext file, behind a confirmation naming the file and the backup.
  await dialog.getByRole('button', { name: 'Remove the keys from the file…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the keys from your credentials file?' });
  await expect(confirm).toContainText(credentialsFile);
  await expect(confirm).toContainText('keyward-backup');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Back up and remove keys' }).click();
  await expect(confirm).toBeHidden();

  const backupPath = (await dialog.getByTestId('backup-path').textContent())!;
  expect(backupPath.startsWith(`${credentialsFile}.keyward-backup-`)).toBe(true);
  expect(readFileSync(backupPath, 'utf8')).toBe(original);
  expect(statSync(backupPath).mode & 0o777).toBe(0o600);
  const after = readFileSync(credentialsFile, 'utf8');
  expect(after).not.toContain(keyId);
  expect(after).not.toContain(secret);
  expect(after).toContain('# Team credentials: this comment stays');
  expect(after).toContain('aws_access_key_id = AKIAIOSFODNN7EXAMPLE');
  expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const profileRow = page.getByTestId('profile-importer');
  await expect(profileRow).toContainText('arn:aws:iam::111111111111:user/e2e-importer');
  // The profile keeps working from the keychain alone.
  await page.getByRole('button', { name: 'Verify importer' }).click();
  await expect(profileRow).toContainText('verified');
});

test.describe('first run', () => {
  test.use({ keepWelcome: true });

  test('the welcome offers to import from the AWS config files', async ({ keyward }) => {
    const { page } = keyward;
    writeFileSync(configFile, '[profile vault]\ncredential_process = /bin/false\n');
    const welcome = page.getByRole('dialog', { name: 'Welcome to Keyward' });
    await welcome.getByRole('button', { name: 'Import from AWS config' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from AWS config' });
    await expect(dialog.getByTestId('import-vault')).toContainText('AWS config');
    await expect(dialog.getByTestId('import-vault')).toContainText('credential_process');
    await expect(new ShellPage(page).heading('Profiles')).toBeVisible();
  });
});
