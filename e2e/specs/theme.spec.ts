import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test('the theme follows the OS until overridden, and the choice survives a restart', async ({
  keyward,
}) => {
  let page = keyward.page;
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  await new ShellPage(page).open('Settings');
  await page.locator('label', { hasText: /^Dark$/ }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  page = await keyward.restart();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(new ShellPage(page).heading('Profiles')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
