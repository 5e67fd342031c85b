import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

// A PEM bundle every Debian machine has (the same file ca-certificates installs).
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

test('Settings → Network refuses a file that is not a CA bundle and keeps one that is', async ({
  keyward,
}) => {
  const { page, dataDir } = keyward;
  await new ShellPage(page).open('Settings');
  const card = page.getByTestId('network-settings');
  await expect(card.getByTestId('network-status')).toContainText('Proxy');

  const notPem = join(dataDir, 'not-a-ca.txt');
  await writeFile(notPem, 'hello');
  const field = card.getByLabel('CA bundle file (PEM)');
  await field.fill(notPem);
  await card.getByRole('button', { name: 'Save network settings' }).click();
  await expect(card).toContainText(`The CA bundle ${notPem} holds no PEM certificate`);

  await field.fill(SYSTEM_BUNDLE);
  await card.getByRole('button', { name: 'Save network settings' }).click();
  await expect(page.getByText('Network settings saved')).toBeVisible();
  const status = card.getByTestId('network-status');
  await expect(status).toContainText(SYSTEM_BUNDLE);
  await expect(status).toContainText(
    /\d+ certificates trusted on top of the defaults \(from Settings\)/,
  );

  // Still there after a restart.
  const again = await keyward.restart();
  await new ShellPage(again).open('Settings');
  await expect(
    again.getByTestId('network-settings').getByLabel('CA bundle file (PEM)'),
  ).toHaveValue(SYSTEM_BUNDLE);
});
