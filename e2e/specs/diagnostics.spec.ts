import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test('diagnostics run as an operation with progress and find a working OS keychain', async ({
  keyward,
}) => {
  const { page } = keyward;
  await new ShellPage(page).open('Settings');
  await page.getByRole('button', { name: 'Run diagnostics' }).click();
  const results = page.getByTestId('diagnostics-results');
  await expect(results).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(5);
  for (const title of [
    'Data directory is writable',
    'Settings file is valid',
    'Network to AWS: proxy and CA bundle',
    'OS keychain stores and removes a secret',
  ]) {
    const item = results.getByRole('listitem').filter({ hasText: title });
    await expect(item.getByLabel('pass')).toBeVisible();
  }
  await expect(results).toContainText(keyward.dataDir);
});
