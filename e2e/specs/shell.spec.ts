import { expect, test } from '../fixtures/launch-app';
import { navPages, ShellPage } from '../pages/shell';

test('the shell loads and every navigation item opens its page', async ({ keyward }) => {
  const shell = new ShellPage(keyward.page);
  // Keyward opens where a new user can act: Profiles (src-renderer/src/landing.ts).
  await expect(shell.heading('Profiles')).toBeVisible();
  await expect(keyward.page).toHaveURL(/#\/profiles$/);
  for (const item of navPages) {
    await shell.open(item.label);
    await expect(shell.heading(item.heading)).toBeVisible();
    await expect(keyward.page).toHaveURL(new RegExp(`#${item.path}$`));
    await expect(shell.nav(item.label)).toHaveAttribute('aria-current', 'page');
  }
});

test('pages that are not built yet say so instead of showing made-up data', async ({ keyward }) => {
  const shell = new ShellPage(keyward.page);
  for (const label of ['Audit', 'Workbench']) {
    await shell.open(label);
    await expect(keyward.page.getByTestId('empty-state')).toContainText('not built yet');
    await expect(keyward.page.getByRole('table')).toHaveCount(0);
  }
});

test('the command palette opens with Ctrl+K and navigates by keyboard', async ({ keyward }) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await expect(shell.heading('Profiles')).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search pages and actions' });
  await expect(search).toBeFocused();
  await search.fill('audit');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(shell.heading('Audit')).toBeVisible();
});

test('Alt+number shortcuts and Tab reach every part of the shell', async ({ keyward }) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await expect(shell.heading('Profiles')).toBeVisible();
  await page.keyboard.press('Alt+8');
  await expect(shell.heading('Settings')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(shell.heading('Snapshots')).toBeVisible();
  // The first Tab reveals the skip link, which jumps past the navigation.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
});

test('the header pickers are fed by the API and the About panel shows the host', async ({
  keyward,
}) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await expect(shell.profilePicker()).toHaveText('Sandbox · prod · 111111111111');
  await expect(shell.profilePicker()).toHaveAccessibleName(
    'Active profile: Sandbox · prod · 111111111111',
  );
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  await expect(shell.regionPicker()).toHaveText('us-east-1 · US East (N. Virginia)');
  await shell.regionPicker().click();
  await page.getByRole('option', { name: /eu-west-1/ }).click();
  await expect(shell.regionPicker()).toHaveText('eu-west-1 · Europe (Ireland)');
  await expect(shell.regionPicker()).toHaveAccessibleName('Region: eu-west-1 · Europe (Ireland)');

  await page.getByRole('button', { name: 'About Keyward' }).last().click();
  const about = page.getByRole('dialog', { name: 'About Keyward' });
  await expect(about.getByTestId('about-table')).toContainText(keyward.dataDir);
  await expect(about.getByTestId('about-table')).toContainText(
    /Running at http:\/\/127\.0\.0\.1:\d+ \(prod 111111111111, backup 222222222222, partner 333333333333\)/,
  );
  await expect(about.getByTestId('about-table')).toContainText(
    keyward.host ? 'Browser mode' : 'Electron window',
  );
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});
