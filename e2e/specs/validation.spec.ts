import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test('an invalid value shows a field error and nothing is saved', async ({ keyward }) => {
  const { page } = keyward;
  await new ShellPage(page).open('Settings');
  const regions = page.getByRole('combobox', { name: /Default regions/ });
  await regions.fill('mars-north-9x');
  await regions.press('Enter');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    page.getByText('mars-north-9x: Not a region code: use the form us-east-1'),
  ).toBeVisible();
  await expect(regions).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Settings saved')).toHaveCount(0);
});
