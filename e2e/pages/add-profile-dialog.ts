import type { Locator, Page } from '@playwright/test';

/** The "Add a profile" dialog, assume-role tab. */
export class AssumeRoleDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a profile' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add profile' }).click();
    await this.dialog.locator('label', { hasText: /^Assume role$/ }).click();
  }

  async fill(values: {
    name: string;
    source: string;
    roleArn: string;
    externalId?: string;
    mfaSerial?: string;
  }): Promise<void> {
    await this.dialog.getByLabel('Profile name').fill(values.name);
    await this.dialog.getByRole('combobox', { name: /Source profile/ }).click();
    await this.page.getByRole('option', { name: values.source, exact: true }).click();
    await this.dialog.getByLabel('Role ARN').fill(values.roleArn);
    if (values.externalId)
      await this.dialog.getByLabel('External ID (optional)').fill(values.externalId);
    if (values.mfaSerial)
      await this.dialog.getByLabel('MFA device (optional)').fill(values.mfaSerial);
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Assume and save' }).click();
  }
}
