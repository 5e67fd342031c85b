import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test.use({ keepWelcome: true });

test('first run explains the sandbox, shows the demo accounts and offers to connect to AWS', async ({
  keyward,
}) => {
  let page = keyward.page;
  const welcome = page.getByRole('dialog', { name: 'Welcome to Keyward' });
  await expect(welcome).toContainText('nothing you do in the sandbox touches AWS');
  const accounts = welcome.getByTestId('welcome-accounts');
  for (const id of ['111111111111', '222222222222', '333333333333'])
    await expect(accounts).toContainText(id);
  await expect(welcome.getByRole('button', { name: 'Explore the sandbox' })).toBeFocused();

  await welcome.getByRole('button', { name: 'Connect to AWS' }).click();
  await expect(welcome).toBeHidden();
  await expect(new ShellPage(page).heading('Profiles')).toBeVisible();

  page = await keyward.restart();
  await expect(new ShellPage(page).heading('Keys')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to Keyward' })).toHaveCount(0);
});
