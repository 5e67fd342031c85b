import {
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import { expect, test, type Keyward } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { checkStep, smallWindow } from '../pages/guided-job';
import { ShellPage } from '../pages/shell';
import { chooseTarget, chooseVolumeZone, openShareWizard } from '../pages/share-wizard';

// Issue 13 wizard 2: share prod's encrypted snapshots with the backup account (222222222222),
// both sides in one run; the target ends with its own copy under its own key and a volume of it.
// aws/ebs takes the re-encrypt path (and undo takes it all back); a target identity whose IAM falls short is stopped by
// preflight before any change; a throttled sandbox does not show an error.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const NIGHTLY = 'snap-0d15c000000000001';
const LEGACY_ROOT = 'snap-0d15c000000000004';
const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const APP_DATA = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0001-4aaa-8bbb-111111110001';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

/** The sandbox as an administrator of one demo account sees it ("in AWS", not through Keyward). */
async function asAccount(keyward: Keyward, profile: 'prod' | 'backup') {
  const { config } = await sandboxAdmin(keyward.host!, keyward.dataDir, profile);
  return { ec2: new EC2Client(config), kms: new KMSClient(config), iam: new IAMClient(config) };
}

async function sees(ec2: EC2Client, snapshotId: string): Promise<boolean> {
  try {
    const out = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }));
    return (out.Snapshots ?? []).length > 0;
  } catch {
    return false;
  }
}

async function mayUse(kms: KMSClient, keyArn: string): Promise<boolean> {
  try {
    await kms.send(new DescribeKeyCommand({ KeyId: keyArn }));
    return true;
  } catch {
    return false;
  }
}

async function runToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText('Every check passed')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Share the snapshot' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 240_000 });
}

test('shares a snapshot end to end: the target gets its own copy under its own key and a volume of it', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'checks the end state in the sandbox through the browser-mode host');
  const { page } = keyward;
  await openShareWizard(page, smallWindow, NIGHTLY);
  await chooseTarget(page, /^Sandbox · backup — account 222222222222/, 'alias/dr-backups');
  await expect(page.getByRole('checkbox', { name: /Limit to EC2/ })).toBeChecked();
  await checkStep(page, testInfo, 'share-snapshot-target');

  await page.getByRole('button', { name: 'Next: Options' }).click();
  await expect(page.getByTestId('share-no-reencrypt')).toBeVisible();
  await chooseVolumeZone(page, 'us-east-1b');
  await checkStep(page, testInfo, 'share-snapshot-options');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step')).toHaveCount(5, { timeout: 60_000 });
  const diff = page.getByTestId('workflow-policy-diff');
  await expect(diff.locator('[data-diff="added"]')).toContainText('arn:aws:iam::222222222222:root');
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws ec2 create-volume');
  await checkStep(page, testInfo, 'share-snapshot-preview');

  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText('Every check passed')).toBeVisible({ timeout: 90_000 });
  await checkStep(page, testInfo, 'share-snapshot-preflight');
  await page.getByRole('button', { name: 'Share the snapshot' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 240_000 });
  const copyId = (await page.getByTestId('share-target-snapshot').textContent()) ?? '';
  const volumeId = (await page.getByTestId('share-target-volume').textContent()) ?? '';
  await checkStep(page, testInfo, 'share-snapshot-done');

  // As the target account: its own copy, under its own key, and a volume made from it.
  const backup = await asAccount(keyward, 'backup');
  const copy = await backup.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [copyId] }));
  expect(copy.Snapshots?.[0]).toMatchObject({
    OwnerId: '222222222222',
    Encrypted: true,
    KmsKeyId: DR_BACKUPS_EAST,
    State: 'completed',
  });
  const volume = await backup.ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }));
  expect(volume.Volumes?.[0]).toMatchObject({
    SnapshotId: copyId,
    AvailabilityZone: 'us-east-1b',
    State: 'available',
  });
  expect(await sees(backup.ec2, NIGHTLY)).toBe(true);
});

test('a snapshot on aws/ebs is shared as a copy re-encrypted under a customer managed key; undo takes it all back', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'checks the end state in the sandbox through the browser-mode host');
  const { page } = keyward;
  await openShareWizard(page, smallWindow, LEGACY_ROOT);
  await chooseTarget(page, /^Sandbox · backup — account 222222222222/, 'alias/dr-backups');
  // Without kms:ViaService the target may call KMS itself: "can it use the key" is then a DescribeKey.
  await page.getByRole('checkbox', { name: /Limit to EC2/ }).uncheck();
  await page.getByRole('button', { name: 'Next: Options' }).click();
  await expect(page.getByText('This snapshot is on aws/ebs')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(
    page.getByText('Choose a customer managed key to re-encrypt the copy with'),
  ).toBeVisible();
  const reencrypt = page.getByRole('combobox', { name: /Re-encrypt with/ });
  await expect(reencrypt).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await reencrypt.click();
  await expect(page.getByRole('option', { name: /aws\/ebs/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'alias/app-data', exact: true }).click();
  await checkStep(page, testInfo, 'share-snapshot-options-aws-ebs');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  const steps = page.getByTestId('workflow-plan-step');
  await expect(steps).toHaveCount(6, { timeout: 60_000 });
  await expect(steps.first()).toContainText(`Copy ${LEGACY_ROOT} in us-east-1, re-encrypted with`);
  await runToDone(page);
  const sharedId = (await page.getByTestId('share-reencrypted').textContent()) ?? '';
  const copyId = (await page.getByTestId('share-target-snapshot').textContent()) ?? '';

  const backup = await asAccount(keyward, 'backup');
  const prod = await asAccount(keyward, 'prod');
  expect(await sees(backup.ec2, LEGACY_ROOT)).toBe(false);
  const shared = await backup.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [sharedId] }));
  expect(shared.Snapshots?.[0]).toMatchObject({ OwnerId: '111111111111', KmsKeyId: APP_DATA });
  const copy = await backup.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [copyId] }));
  expect(copy.Snapshots?.[0]).toMatchObject({ OwnerId: '222222222222', KmsKeyId: DR_BACKUPS_EAST });
  expect(await mayUse(backup.kms, APP_DATA)).toBe(true);

  // Undo: the target no longer sees the shared copy nor may use the key; the copies go.
  await page.getByRole('button', { name: 'Undo this run…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Undo run / });
  await expect(dialog.getByTestId('undo-steps')).toContainText(
    'Removes the statement Keyward added',
  );
  await checkStep(page, testInfo, 'share-snapshot-undo', { cut: false });
  await dialog.getByRole('checkbox', { name: /Delete what this run created/ }).check();
  await dialog.getByRole('button', { name: 'Undo the run' }).click();
  await expect(dialog.getByTestId('undo-done')).toBeVisible({ timeout: 120_000 });
  expect(await sees(backup.ec2, sharedId)).toBe(false);
  expect(await sees(backup.ec2, copyId)).toBe(false);
  expect(await mayUse(backup.kms, APP_DATA)).toBe(false);
  const policy = await prod.kms.send(
    new GetKeyPolicyCommand({ KeyId: APP_DATA, PolicyName: 'default' }),
  );
  expect(policy.Policy).not.toContain('222222222222');
});

test('preflight finds that the target identity may not use the key, before any change', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'makes an IAM user in the sandbox through the browser-mode host');
  const { page } = keyward;
  const backup = await asAccount(keyward, 'backup');
  await backup.iam.send(new CreateUserCommand({ UserName: 'copier' }));
  await backup.iam.send(
    new PutUserPolicyCommand({
      UserName: 'copier',
      PolicyName: 'ec2-and-own-keys',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:*', 'iam:Get*', 'iam:List*', 'sts:*'], Resource: '*' },
          { Effect: 'Allow', Action: ['kms:ListKeys', 'kms:ListAliases'], Resource: '*' },
          { Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:222222222222:key/*' },
        ],
      }),
    }),
  );
  const { AccessKey } = await backup.iam.send(new CreateAccessKeyCommand({ UserName: 'copier' }));
  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const add = page.getByRole('dialog', { name: 'Add a profile' });
  await add.getByLabel('Profile name').fill('copier');
  await add.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await add.getByLabel('Access key ID').fill(AccessKey!.AccessKeyId!);
  await add.getByLabel('Secret access key').fill(AccessKey!.SecretAccessKey!);
  await add.getByRole('button', { name: 'Check and save' }).click();
  await expect(add).toBeHidden();

  await openShareWizard(page, smallWindow, NIGHTLY);
  await chooseTarget(page, /^copier — account 222222222222/, 'alias/dr-backups');
  await page.getByRole('button', { name: 'Next: Options' }).click();
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step')).toHaveCount(4, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  const failed = page.locator('[data-testid="workflow-preflight-check"][data-status="failed"]');
  await expect(failed).toHaveCount(1, { timeout: 90_000 });
  await expect(failed).toContainText(
    "user/copier (the target profile's identity) would not be allowed",
  );
  await expect(failed.getByRole('checkbox', { name: /^Fix it first:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share the snapshot' })).toBeDisabled();
  await checkStep(page, testInfo, 'share-snapshot-preflight-iam');

  // Nothing changed in AWS: the key policy and the snapshot's permissions are as they were.
  const prod = await asAccount(keyward, 'prod');
  const policy = await prod.kms.send(
    new GetKeyPolicyCommand({ KeyId: EBS_WORKLOADS, PolicyName: 'default' }),
  );
  expect(policy.Policy).not.toContain('keyward-');
  const permissions = await prod.ec2.send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: NIGHTLY,
      Attribute: 'createVolumePermission',
    }),
  );
  expect(permissions.CreateVolumePermissions ?? []).toEqual([]);
});

test.describe('under throttling', () => {
  test.use({ appEnv: { KEYWARD_SANDBOX_FAULTS: 'throttle=0.3' } });

  test('the share completes with no error shown', async ({ keyward }) => {
    const { page } = keyward;
    await openShareWizard(page, smallWindow, NIGHTLY);
    await chooseTarget(page, /^Sandbox · backup — account 222222222222/, 'alias/dr-backups');
    await page.getByRole('button', { name: 'Next: Options' }).click();
    await page.getByRole('button', { name: 'Next: Preview' }).click();
    await expect(page.getByTestId('workflow-plan-step')).toHaveCount(4, { timeout: 90_000 });
    await runToDone(page);
    await expect(page.getByTestId('share-target-snapshot')).toHaveText(/^snap-/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
