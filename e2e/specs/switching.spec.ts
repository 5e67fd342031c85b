import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test('the profile picker switches by typing and Enter, and names who is active', async ({
  keyward,
}) => {
  const shell = new ShellPage(keyward.page);
  await expect(shell.profilePicker()).toHaveText('Sandbox · prod · 111111111111');
  await shell.chooseProfile('backup');
  await expect(shell.profilePicker()).toHaveText('Sandbox · backup · 222222222222');
  await expect(shell.profilePicker()).toHaveAccessibleName(
    'Active profile: Sandbox · backup · 222222222222',
  );
  await expect(shell.profilePicker()).toBeFocused(); // focus comes back to the button
  // An account id finds its profiles too; Esc leaves the choice as it was.
  await shell.profilePicker().click();
  await keyward.page.getByRole('combobox', { name: 'Search profiles' }).pressSequentially('3333');
  await expect(keyward.page.getByRole('option')).toHaveText([/Sandbox · partner/]);
  await keyward.page.keyboard.press('Escape');
  await expect(shell.profilePicker()).toBeFocused();
  await expect(shell.profilePicker()).toHaveText('Sandbox · backup · 222222222222');
});

test('the region picker finds a region by code or by name', async ({ keyward }) => {
  const shell = new ShellPage(keyward.page);
  await shell.chooseRegion('eu-west-1');
  await expect(shell.regionPicker()).toHaveText('eu-west-1 · Europe (Ireland)');
  await shell.chooseRegion('frankfurt');
  await expect(shell.regionPicker()).toHaveAccessibleName(
    'Region: eu-central-1 · Europe (Frankfurt)',
  );
});

test('the command palette switches profile and region', async ({ keyward }) => {
  const shell = new ShellPage(keyward.page);
  await expect(shell.landingHeading()).toBeVisible();
  await shell.runInPalette('backup', 'Switch to profile Sandbox · backup · 222222222222');
  await expect(shell.profilePicker()).toHaveText('Sandbox · backup · 222222222222');
  await shell.runInPalette('eu-west-1', 'Switch region to eu-west-1 · Europe (Ireland)');
  await expect(shell.regionPicker()).toHaveText('eu-west-1 · Europe (Ireland)');
  // The switch sticks: a reload reads it back from the settings.
  await keyward.page.reload();
  await expect(shell.profilePicker()).toHaveText('Sandbox · backup · 222222222222');
  await expect(shell.regionPicker()).toHaveText('eu-west-1 · Europe (Ireland)');
});

test('the command palette runs the actions of the page on screen', async ({ keyward }) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await shell.open('Keys');
  await expect(shell.heading('Keys')).toBeVisible();
  // Not on the Keys page: "Add profile" belongs to Profiles.
  await page.keyboard.press('Control+K');
  await shell.paletteSearch().fill('add profile');
  await expect(shell.paletteEntry('Add profile')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await shell.open('Profiles');
  await expect(shell.heading('Profiles')).toBeVisible();
  await shell.runInPalette('add profile', 'Add profile');
  await expect(page.getByRole('dialog', { name: 'Add a profile' })).toBeVisible();
});

test('Alt+number goes to a page, and the navigation and the palette show the shortcuts', async ({
  keyward,
}) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await expect(shell.landingHeading()).toBeVisible();
  await expect(shell.nav('Snapshots')).toHaveAttribute('aria-keyshortcuts', 'Alt+2');
  await expect(shell.nav('Snapshots')).toContainText('Alt 2');
  await page.keyboard.press('Alt+2');
  await expect(shell.heading('Snapshots')).toBeVisible();
  await expect(shell.nav('Snapshots')).toHaveAttribute('aria-current', 'page');

  await expect(page.getByRole('button', { name: 'Open command palette' })).toContainText('Ctrl K');
  await page.keyboard.press('Control+K');
  await expect(shell.paletteEntry('Go to Audit')).toContainText('Alt 5');
  await expect(page.getByRole('dialog')).toContainText('Ctrl K opens this from anywhere');
});
