import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test.use({ keepWelcome: true });

test('first run explains the sandbox, shows the demo accounts, says where it starts and offers to connect to AWS', async ({
  keyward,
}) => {
  let page = keyward.page;
  const welcome = page.getByRole('dialog', { name: 'Welcome to Keyward' });
  await expect(welcome).toContainText('nothing you do in the sandbox touches AWS');
  const accounts = welcome.getByTestId('welcome-accounts');
  for (const id of ['111111111111', '222222222222', '333333333333'])
    await expect(accounts).toContainText(id);
  await expect(welcome.getByRole('button', { name: 'Explore the sandbox' })).toBeFocused();

  // The words match the page behind the dialog: Keyward opens on Profiles.
  await expect(welcome.getByTestId('welcome-next')).toContainText('You start on Profiles');
  await expect(new ShellPage(page).heading('Profiles')).toBeAttached();

  // "Connect to AWS" opens the add-profile dialog of that page.
  await welcome.getByRole('button', { name: 'Connect to AWS' }).click();
  await expect(welcome).toBeHidden();
  await expect(new ShellPage(page).heading('Profiles')).toBeVisible();
  const add = page.getByRole('dialog', { name: 'Add a profile' });
  await expect(add).toBeVisible();
  await add.getByRole('button', { name: 'Close dialog' }).click();
  await expect(add).toBeHidden();

  page = await keyward.restart();
  await expect(new ShellPage(page).heading('Profiles')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Add a profile' })).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Welcome to Keyward' })).toHaveCount(0);
});
