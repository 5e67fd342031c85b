import { expect, test } from '../fixtures/launch-app';
import { ShellPage } from '../pages/shell';

test('the cross-account pair shows both identities and refuses two profiles of one account', async ({
  keyward,
}) => {
  let page = keyward.page;
  await new ShellPage(page).open('Profiles');
  const card = page.getByRole('region', { name: 'Cross-account pair' });
  const choose = async (label: string, option: string) => {
    await card.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };

  await choose('Source profile', 'Sandbox · prod · 111111111111');
  await choose('Target profile', 'Sandbox · prod-developer · 111111111111');
  await expect(card.getByRole('alert')).toContainText('Both profiles are in account 111111111111');
  await expect(card.getByRole('button', { name: 'Save pair' })).toBeDisabled();

  await choose('Target profile', 'Sandbox · backup · 222222222222');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(card.getByTestId('identity-Sandbox · prod')).toContainText(
    'arn:aws:iam::111111111111:',
  );
  await expect(card.getByTestId('identity-Sandbox · backup')).toContainText(
    'arn:aws:iam::222222222222:',
  );
  await card.getByRole('button', { name: 'Save pair' }).click();
  await expect(page.getByText('Cross-account pair saved')).toBeVisible();

  page = await keyward.restart();
  await new ShellPage(page).open('Profiles');
  const reopened = page.getByRole('region', { name: 'Cross-account pair' });
  await expect(reopened.getByRole('combobox', { name: 'Source profile' })).toHaveValue(
    'Sandbox · prod · 111111111111',
  );
  await expect(reopened.getByRole('combobox', { name: 'Target profile' })).toHaveValue(
    'Sandbox · backup · 222222222222',
  );
});
