import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

// A browser tab outlives the Keyward it was opened from; it must say so, not fail call after call.
test.beforeEach(({ keyward }) => {
  test.skip(!keyward.host, 'browser mode only: an Electron window ends with its app');
});

test('a tab left from before a restart says its Keyward was restarted and how to reach the new one', async ({
  keyward,
}) => {
  test.setTimeout(150_000);
  const old = keyward.page;
  await expect(new ShellPage(old).landingHeading()).toBeVisible();
  const fresh = await keyward.restart({ keepOldPage: true, samePort: true });
  // The new Keyward answers at the same address and refuses the old tab's token.
  await expect(
    old.getByRole('heading', { name: 'This window belongs to a Keyward that was restarted' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(old.getByText(/open the link that npm start printed in its terminal/)).toBeVisible();
  // The new window works.
  await expect(new ShellPage(fresh).profilePicker()).toHaveText('Sandbox · prod · 111111111111');
});

test('a tab whose Keyward stopped says it is no longer running', async ({ keyward }) => {
  test.setTimeout(150_000);
  const { page } = keyward;
  const shell = new ShellPage(page);
  await expect(shell.landingHeading()).toBeVisible();
  await keyward.host!.stop();
  const gone = page.getByRole('heading', {
    name: 'This window belongs to a Keyward that is no longer running',
  });
  await expect(gone).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Start it again with npm start/)).toBeVisible();
});

test('a tab left open while Keyward restarted on another port finds it gone', async ({
  keyward,
}) => {
  test.setTimeout(150_000);
  const old = keyward.page;
  await expect(new ShellPage(old).landingHeading()).toBeVisible();
  await keyward.restart({ keepOldPage: true });
  await expect(
    old.getByRole('heading', {
      name: 'This window belongs to a Keyward that is no longer running',
    }),
  ).toBeVisible({ timeout: 30_000 });
});
