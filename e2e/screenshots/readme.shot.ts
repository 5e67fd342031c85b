import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

const folder = resolve(import.meta.dirname, '../../docs/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  // Finished transitions: the picture is never mid-fade.
  await page.screenshot({ path: `${folder}/${name}.png`, animations: 'disabled' });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshots (${scheme})`, async ({ keyward }) => {
    const page = keyward.page;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const shell = new ShellPage(page);
    await shell.open('Profiles');
    await expect(shell.heading('Profiles')).toBeVisible();
    await expect(page.getByText('verified', { exact: true }).first()).toBeVisible();
    await shoot(page, `profiles-${scheme}`);

    await page.getByTestId('profile-picker').click();
    await page.keyboard.type('back');
    await expect(page.getByRole('option', { name: /backup/ })).toBeVisible();
    await shoot(page, `profile-picker-${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByTestId('region-picker').click();
    await page.keyboard.type('eu-');
    await expect(page.getByRole('option', { name: /eu-west-1/ })).toBeVisible();
    await shoot(page, `region-picker-${scheme}`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+K');
    await expect(shell.paletteSearch()).toBeFocused();
    await shell.paletteSearch().pressSequentially('backup');
    await expect(shell.paletteEntry('Switch to profile')).toBeVisible();
    await shoot(page, `palette-${scheme}`);
    await page.keyboard.press('Escape');
  });
}
