import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';
import { AddSsoDialog, SsoSignInDialog } from '../pages/sso-dialogs';

const PROD_ADMIN_SSO =
  'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_5a2f6c1d8e9b0a47/dana';

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

function profileId(dataDir: string, name: string): string {
  const saved = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as {
    profiles: { id: string; name: string }[];
  };
  return saved.profiles.find((profile) => profile.name === name)!.id;
}

/** Serious and critical axe findings on the page as it is now, toasts included. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.html.slice(0, 160)).join(' | ')})`,
    );
}

/** The person in the browser: the page the app shows, the same code, Allow or Deny. */
async function decideInBrowser(
  app: Page,
  url: string,
  userCode: string,
  button: 'Allow access' | 'Deny access',
  scan = false,
) {
  const browser = await app.context().newPage();
  await browser.goto(url);
  await expect(browser.getByLabel('Code')).toHaveText(userCode);
  await expect(browser.locator('main')).toContainText('Dana Demo');
  if (scan) expect(await accessibilityProblems(browser)).toEqual([]);
  await browser.getByRole('button', { name: button }).click();
  await expect(browser.getByRole('heading')).toHaveText(
    button === 'Allow access' ? 'Request approved' : 'Request denied',
  );
  await browser.close();
}

test('sign in to the sandbox’s IAM Identity Center in the browser; the token stays in the keychain', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'reads the keychain next to the browser-mode host');
  test.setTimeout(180_000); // four axe scans; slow on a loaded 2-core machine
  const { page, dataDir } = keyward;
  const received: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) received.push(await response.text().catch(() => ''));
  });

  await new ShellPage(page).open('Profiles');
  const add = new AddSsoDialog(page);
  await add.open();
  await add.dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await expect(add.dialog.getByRole('button', { name: 'Use the sandbox demo' })).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);
  await add.addSandboxDemo('dana-prod');
  await expect(add.dialog).toBeHidden();
  const row = page.getByTestId('profile-dana-prod');
  await expect(row).toContainText('https://keyward-demo.awsapps.com/start');
  await expect(row.getByTestId('session-state')).toHaveText('Not signed in');

  const signIn = new SsoSignInDialog(page, 'dana-prod');
  const { userCode, url } = await signIn.start();
  expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sso\/device\?user_code=/);
  await expect(signIn.dialog.getByRole('link', { name: 'Open browser' })).toHaveAttribute(
    'href',
    url,
  );
  await decideInBrowser(page, url, userCode, 'Allow access', true);

  const done = signIn.dialog.getByTestId('sso-signed-in');
  await expect(done).toContainText(PROD_ADMIN_SSO);
  await expect(done).toContainText(/Session: (1 h 0 min|59 min|60 min) left/);
  await signIn.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(row).toContainText(PROD_ADMIN_SSO);
  await expect(row).toContainText('verified');
  await expect(row.getByTestId('session-state')).toContainText(/Session: .* left/);
  await expect(row.getByRole('button', { name: 'Sign out of dana-prod' })).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);

  // The sign-in (token and client registration) is one keychain entry; nothing of it on disk
  // (the sandbox's own state under sandbox/ plays AWS) or in what the page received.
  const id = profileId(dataDir, 'dana-prod');
  const entry = JSON.parse(keychainLookup(id) ?? '{}') as {
    token?: { accessToken: string; refreshToken: string };
    registration?: { clientSecret: string };
  };
  expect(entry.token?.accessToken).toMatch(/^aoa/);
  expect(
    execFileSync('secret-tool', ['search', '--all', 'service', 'keyward'], { encoding: 'utf8' }),
  ).toContain(id);
  const secrets = [
    entry.token!.accessToken,
    entry.token!.refreshToken,
    entry.registration!.clientSecret,
  ];
  for (const path of filesUnder(dataDir).filter(
    (p) => !relative(dataDir, p).startsWith('sandbox'),
  )) {
    const text = readFileSync(path, 'latin1');
    for (const secret of secrets) expect(text.includes(secret), `token in ${path}`).toBe(false);
    expect(/ASIA[A-Z0-9]{16}/.test(text), `session key in ${path}`).toBe(false);
  }
  expect(received.some((body) => secrets.some((s) => body.includes(s)))).toBe(false);
  expect(received.some((body) => /ASIA[A-Z0-9]{16}/.test(body))).toBe(false);

  // Delete (after confirming) removes the keychain entry.
  await row.getByRole('button', { name: 'Delete dana-prod' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “dana-prod”?' });
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(row).toHaveCount(0);
  expect(keychainLookup(id)).toBeNull();
});

test('Deny in the browser ends the sign-in with a clear reason; Sign out ends a sign-in', async ({
  keyward,
}) => {
  test.setTimeout(120_000); // two device-flow sign-ins
  const { page } = keyward;
  await new ShellPage(page).open('Profiles');
  const add = new AddSsoDialog(page);
  await add.open();
  await add.addSandboxDemo('dana-denied');
  await expect(add.dialog).toBeHidden();

  const signIn = new SsoSignInDialog(page, 'dana-denied');
  const first = await signIn.start();
  await decideInBrowser(page, first.url, first.userCode, 'Deny access');
  const alert = signIn.dialog.getByRole('alert');
  await expect(alert).toContainText('Access was denied in the browser.');
  await expect(alert).toContainText('Sign in again');
  await signIn.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const row = page.getByTestId('profile-dana-denied');
  await expect(row.getByTestId('session-state')).toHaveText('Not signed in');
  await expect(row).toContainText('failed');

  const second = await signIn.start();
  await decideInBrowser(page, second.url, second.userCode, 'Allow access');
  await expect(signIn.dialog.getByTestId('sso-signed-in')).toContainText(PROD_ADMIN_SSO);
  await signIn.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await row.getByRole('button', { name: 'Sign out of dana-denied' }).click();
  await expect(row.getByTestId('session-state')).toHaveText('Not signed in');
  await expect(row.getByRole('button', { name: 'Sign in to dana-denied' })).toBeVisible();
});
