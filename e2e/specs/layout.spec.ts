import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { AssumeRoleDialog } from '../pages/add-profile-dialog';
import {
  centre,
  cutTexts,
  layoutShot,
  onScreenAndOnTop,
  overlaps,
  saveShot,
  windowSizes,
  type Box,
} from '../pages/layout';
import { ShellPage } from '../pages/shell';
import { AddSsoDialog } from '../pages/sso-dialogs';

// Issue 11 §4 "A layout that holds": at the smallest supported window and a common one, nothing
// the user must read is cut, row actions and dialog buttons stay on screen, and toasts never
// cover a row's actions.

// Starting the app (and its sandbox) counts too: on a loaded machine it can take a while.
test.describe.configure({ timeout: 150_000 });

const themes = ['light', 'dark'] as const;

const profileRows = (page: Page) => page.locator('tr[data-testid^="profile-"]');
const rowOrder = (page: Page) =>
  profileRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));

/** Profiles with the widest rows the page has: a role that needs MFA, and an SSO profile. */
async function addWideProfiles(page: Page): Promise<void> {
  const role = new AssumeRoleDialog(page);
  await role.open();
  await role.fill({
    name: 'break-glass-admin-in-backup',
    source: 'Sandbox · prod',
    roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
    mfaSerial: 'arn:aws:iam::111111111111:mfa/admin',
  });
  await role.submit();
  await role.dialog.getByLabel('Save even if the role cannot be assumed now').check();
  await role.submit();
  await expect(role.dialog).toBeHidden();

  const sso = new AddSsoDialog(page);
  await sso.open();
  await sso.addSandboxDemo('sso-admin');
  await expect(sso.dialog).toBeHidden();
  await expect(page.getByTestId('profile-sso-admin')).toBeVisible();
}

for (const size of windowSizes) {
  test.describe(`at ${size.name}`, () => {
    test('Profiles: nothing is cut, row actions and dialog buttons stay on screen, toasts keep clear', async ({
      keyward,
    }, testInfo) => {
      test.setTimeout(150_000);
      const { page } = keyward;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: 'light' });
      const shell = new ShellPage(page);
      await expect(shell.heading('Profiles')).toBeVisible();
      await expect(page.getByTestId('profile-Sandbox · prod')).toBeVisible();
      await addWideProfiles(page);
      await page.mouse.move(0, 0);

      for (const theme of themes) await layoutShot(page, testInfo, size, 'profiles', theme);
      await page.emulateMedia({ colorScheme: 'light' });

      // No badge, button, code or cell shows only part of its text.
      expect(await cutTexts(page)).toEqual([]);
      await expect(page.locator('[data-no-truncate]').first()).toBeVisible();

      // Every row's actions are on screen and not covered, with the table scrolled as it opens.
      const rows = await profileRows(page).all();
      expect(rows.length).toBeGreaterThanOrEqual(6);
      for (const row of rows) {
        await centre(row);
        const buttons = await row.locator('[data-actions]').getByRole('button').all();
        expect(buttons.length).toBeGreaterThan(0);
        for (const button of buttons) {
          const name = await button.getAttribute('aria-label');
          expect(await onScreenAndOnTop(button), `${name}`).toEqual({ inside: true, onTop: true });
        }
      }

      // Rows keep their place when one is checked again (its status changes, its row does not).
      const before = await rowOrder(page);
      const target = page.getByTestId('profile-break-glass-admin-in-backup');
      await centre(target);
      await target.getByRole('button', { name: 'Verify break-glass-admin-in-backup' }).click();
      // The role needs an MFA code, so the check fails: an error toast that stays.
      const toast = page.locator('[data-toast="error"]');
      await expect(toast).toBeVisible();
      await expect(target.getByText('failed', { exact: true })).toBeVisible();
      expect(await rowOrder(page)).toEqual(before);

      // The toast covers no row action, wherever the rows are scrolled to.
      for (const row of rows) {
        await centre(row);
        const toastBox = (await toast.boundingBox()) as Box;
        for (const button of await row.locator('[data-actions]').getByRole('button').all()) {
          const box = (await button.boundingBox()) as Box;
          expect(overlaps(box, toastBox), `${await button.getAttribute('aria-label')}`).toBe(false);
        }
      }
      await profileRows(page)
        .last()
        .evaluate((row) => row.scrollIntoView({ block: 'end' }));
      for (const theme of themes) await layoutShot(page, testInfo, size, 'error-toast', theme);
      await page.emulateMedia({ colorScheme: 'light' });
      await toast.getByRole('button', { name: 'Dismiss notification' }).click();
      await expect(toast).toBeHidden();

      // The add-profile dialog keeps its submit button in view on every tab.
      await page.getByRole('button', { name: 'Add profile' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a profile' });
      await expect(dialog).toBeVisible();
      for (const kind of [
        'Access key',
        'Assume role',
        'IAM Identity Center',
        'AWS config profile',
      ]) {
        await dialog.locator('label', { hasText: new RegExp(`^${kind}$`) }).click();
        const submit = dialog.locator('[data-modal-footer] button[type="submit"]');
        await expect(submit).toBeVisible();
        expect(await onScreenAndOnTop(submit), kind).toEqual({ inside: true, onTop: true });
        expect(await cutTexts(page), kind).toEqual([]);
        if (kind === 'Assume role')
          for (const theme of themes) await layoutShot(page, testInfo, size, 'add-profile', theme);
      }
      await dialog.getByRole('button', { name: 'Close dialog' }).click();
      await expect(dialog).toBeHidden();
    });

    test('Header: the active profile and region read in full; pickers and palette filter and stay on screen', async ({
      keyward,
    }, testInfo) => {
      const { page } = keyward;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: 'light' });
      const shell = new ShellPage(page);
      await expect(shell.landingHeading()).toBeVisible();
      await shell.chooseProfile('backup');
      await shell.chooseRegion('eu-west-1');

      // Name, account and region code are shown whole (no ellipsis), not only in the tooltip.
      for (const [picker, text] of [
        [shell.profilePicker(), 'Sandbox · backup · 222222222222'],
        [shell.regionPicker(), 'eu-west-1'],
      ] as const) {
        await expect(picker).toContainText(text);
        const cut = await picker
          .locator('span')
          .evaluateAll((spans) =>
            spans
              .filter((span) => span.scrollWidth > span.clientWidth + 1)
              .map((s) => s.textContent),
          );
        expect(cut, text).toEqual([]);
        expect(await onScreenAndOnTop(picker), text).toEqual({ inside: true, onTop: true });
      }

      // Typing from empty filters; every option shown is on screen.
      await shell.profilePicker().click();
      await page.getByRole('combobox', { name: 'Search profiles' }).pressSequentially('prod');
      const options = page.getByRole('option');
      await expect(options.first()).toBeVisible();
      for (const option of await options.all()) {
        await expect(option).toContainText('prod');
        expect(await onScreenAndOnTop(option)).toEqual({ inside: true, onTop: true });
      }
      for (const theme of themes) await layoutShot(page, testInfo, size, 'profile-picker', theme);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+K');
      await shell.paletteSearch().pressSequentially('eu-central');
      const entry = shell.paletteEntry('Switch region to eu-central-1');
      await expect(entry).toBeVisible();
      expect(await onScreenAndOnTop(entry)).toEqual({ inside: true, onTop: true });
      for (const theme of themes) await layoutShot(page, testInfo, size, 'palette', theme);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Enter');
      await expect(shell.regionPicker()).toContainText('eu-central-1');
    });

    test('Settings: unsaved changes are not lost silently, and the theme previews as chosen', async ({
      keyward,
    }, testInfo) => {
      test.setTimeout(150_000);
      const { page } = keyward;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: 'light' });
      const shell = new ShellPage(page);
      await shell.open('Settings');
      await expect(shell.heading('Settings')).toBeVisible();
      for (const theme of themes) await layoutShot(page, testInfo, size, 'settings', theme);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await cutTexts(page)).toEqual([]);

      // The theme applies at once, marked as a preview until saved.
      const html = page.locator('html');
      await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
      await page.locator('label', { hasText: /^Dark$/ }).click();
      await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
      await expect(page.getByTestId('theme-preview-badge')).toBeVisible();
      await expect(page.getByTestId('unsaved-changes').first()).toBeVisible();

      // Leaving asks first; "Keep editing" stays with the change.
      await shell.open('Profiles');
      const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
      await expect(question).toBeVisible();
      expect(
        await onScreenAndOnTop(question.getByRole('button', { name: 'Discard changes' })),
      ).toEqual({ inside: true, onTop: true });
      // The window shows the dark preview behind the question.
      await saveShot(page, testInfo, `${size.name}-unsaved-changes-dark.png`);
      await question.getByRole('button', { name: 'Keep editing' }).click();
      await expect(question).toBeHidden();
      await expect(shell.heading('Settings')).toBeVisible();
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

      // "Discard changes" leaves, and the saved theme (follow the OS: light) comes back.
      await page.keyboard.press('Alt+7');
      await question.getByRole('button', { name: 'Discard changes' }).click();
      await expect(shell.heading('Profiles')).toBeVisible();
      await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
      await shell.open('Settings');
      await expect(page.getByRole('radio', { name: 'Follow the OS' })).toBeChecked();
      await expect(page.getByTestId('theme-preview-badge')).toHaveCount(0);

      // Every card is guarded: a change in Network asks too; once saved, nothing asks.
      const network = page.getByTestId('network-settings');
      await network
        .getByRole('switch', { name: 'Use dual-stack endpoints' })
        .click({ force: true });
      await shell.open('Keys');
      await expect(question).toBeVisible();
      await question.getByRole('button', { name: 'Keep editing' }).click();
      await network.getByRole('button', { name: 'Save network settings' }).click();
      await expect(page.getByText('Network settings saved')).toBeVisible();
      await shell.open('Keys');
      await expect(shell.heading('Keys')).toBeVisible();
      await expect(question).toHaveCount(0);

      // Closing the window with a change asks the browser's own question.
      await shell.open('Settings');
      await page.locator('label', { hasText: /^Light$/ }).click();
      const asked = page.waitForEvent('dialog');
      const closed = page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe('beforeunload');
      await dialog.accept();
      await closed;
    });
  });
}
