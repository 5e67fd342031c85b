import { DescribeImagesCommand, DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';
import { checkStep } from '../pages/guided-job';
import { chooseAmiTarget, openShareAmiWizard } from '../pages/share-ami-wizard';

// Issue 13 wizard 3: prod (111111111111) shares its web-tier golden AMI with backup
// (222222222222), which copies it re-encrypted under its own dr-backups key; an AMI on aws/ebs is
// first copied by prod re-encrypted under a customer managed key, and that copy is shared; a
// target identity without the key permissions is stopped by preflight before any change.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const small = windowSizes[0];
const WEB_AMI = 'ami-0a310000000000001';
const LEGACY_AMI = 'ami-0a310000000000002';
const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

/** Whether an AMI is still registered (a deregistered one is either not listed or not found). */
async function imageExists(ec2: EC2Client, imageId: string): Promise<boolean> {
  try {
    const { Images } = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    return (Images ?? []).some((i) => i.ImageId === imageId && i.State !== 'deregistered');
  } catch {
    return false;
  }
}

test('the target ends with its own copy of the AMI, encrypted under its own key', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'reads the sandbox through the browser-mode host');
  const { page } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  await openShareAmiWizard(page, WEB_AMI);

  await chooseAmiTarget(page, /^Sandbox · backup — 222222222222$/, 'alias/dr-backups');
  await checkStep(page, testInfo, 'share-ami-target');

  await page.getByRole('button', { name: 'Next: Then' }).click();
  const keys = page.getByTestId('share-ami-keys');
  await expect(keys).toContainText('alias/ebs-workloads', { timeout: 60_000 });
  await expect(keys).toContainText('snap-0d15c000000000002');
  await expect(keys).toContainText('snap-0d15c000000000003');
  await expect(page.getByRole('radio', { name: /^Copy the AMI into the target/ })).toBeChecked();
  await checkStep(page, testInfo, 'share-ami-then');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step')).toHaveCount(3);
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws ec2 copy-image');
  await expect(page.getByTestId('workflow-runbook')).toContainText(
    'aws ec2 modify-image-attribute',
  );
  await checkStep(page, testInfo, 'share-ami-preview');

  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText(/^Every check passed/)).toBeVisible({ timeout: 90_000 });
  await checkStep(page, testInfo, 'share-ami-preflight');

  await page.getByRole('button', { name: 'Share the AMI' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 240_000 });
  const copyId = (await page.getByTestId('share-ami-new-image').textContent()) ?? '';
  expect(copyId).toMatch(/^ami-/);
  await expect(page.getByTestId('share-ami-run-id')).not.toBeEmpty();
  await checkStep(page, testInfo, 'share-ami-done');
  await page.getByRole('link', { name: /^Open the AMIs page/ }).click();
  await expect(new ShellPage(page).heading('AMIs')).toBeVisible();

  // In "AWS": the copy is backup's, and every one of its snapshots is on backup's own key.
  const backup = new EC2Client(
    (await sandboxAdmin(keyward.host!, keyward.dataDir, 'backup')).config,
  );
  const { Images } = await backup.send(new DescribeImagesCommand({ ImageIds: [copyId] }));
  expect(Images?.[0]).toMatchObject({ OwnerId: '222222222222', State: 'available' });
  const snapshotIds = (Images?.[0]?.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId ?? '');
  expect(snapshotIds).toHaveLength(2);
  const { Snapshots } = await backup.send(
    new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }),
  );
  expect(Snapshots?.map((s) => [s.OwnerId, s.Encrypted, s.KmsKeyId])).toEqual([
    ['222222222222', true, DR_BACKUPS_EAST],
    ['222222222222', true, DR_BACKUPS_EAST],
  ]);
});

test('an AMI on aws/ebs takes the re-encrypt path end to end: prod copies it under its own key, shares the copy, and the target ends with its own AMI under its own key', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'reads the sandbox through the browser-mode host');
  const { page, dataDir } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  await openShareAmiWizard(page, LEGACY_AMI);
  await chooseAmiTarget(page, /^Sandbox · backup — 222222222222$/, 'alias/dr-backups');
  await page.getByRole('button', { name: 'Next: Then' }).click();
  await expect(page.getByTestId('share-ami-aws-ebs')).toContainText(
    'encrypted with the AWS managed key aws/ebs, which no other account may use',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(
    page.getByText('Choose a customer managed key to re-encrypt the copy with'),
  ).toBeVisible();
  const reencrypt = page.getByRole('combobox', { name: /^Re-encrypt the copy with/ });
  await expect(reencrypt).toHaveAttribute('placeholder', 'Choose a key', { timeout: 60_000 });
  await reencrypt.click();
  await expect(page.getByRole('option', { name: /aws\/ebs/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'alias/ebs-workloads' }).click();
  await checkStep(page, testInfo, 'share-ami-aws-ebs');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step')).toHaveCount(4, { timeout: 60_000 });
  await expect(page.getByTestId('workflow-plan-step').first()).toContainText(
    `Copy AMI ${LEGACY_AMI} in us-east-1`,
  );
  const runbook = page.getByTestId('workflow-runbook');
  await expect(runbook).toContainText('REENCRYPT_IMAGE_ID=$(aws ec2 copy-image');
  await expect(runbook).toContainText('aws ec2 wait image-available');
  await checkStep(page, testInfo, 'share-ami-aws-ebs-preview');
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText(/^Every check passed/)).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: 'Share the AMI' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 240_000 });
  const sharedId = (await page.getByTestId('share-ami-reencrypted').textContent()) ?? '';
  const copyId = (await page.getByTestId('share-ami-new-image').textContent()) ?? '';
  expect(sharedId).toMatch(/^ami-/);
  await expect(page.getByText(`The original ${LEGACY_AMI} on aws/ebs still exists`)).toBeVisible();
  await checkStep(page, testInfo, 'share-ami-aws-ebs-done');

  // In "AWS": prod's copy is on ebs-workloads and shared; the original is not; backup's own AMI
  // is on backup's own key.
  const prod = new EC2Client((await sandboxAdmin(keyward.host!, dataDir, 'prod')).config);
  const backup = new EC2Client((await sandboxAdmin(keyward.host!, dataDir, 'backup')).config);
  const keysOf = async (ec2: EC2Client, imageId: string) => {
    const { Images } = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    const ids = (Images?.[0]?.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId ?? '');
    const { Snapshots } = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ids }));
    return Snapshots?.map((s) => [s.OwnerId, s.Encrypted, s.KmsKeyId]);
  };
  expect(await keysOf(prod, sharedId)).toEqual([['111111111111', true, EBS_WORKLOADS]]);
  expect(await keysOf(backup, copyId)).toEqual([['222222222222', true, DR_BACKUPS_EAST]]);
  const { Images } = await backup.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
  const launchable = (Images ?? []).map((i) => i.ImageId);
  expect(launchable).toContain(sharedId);
  expect(launchable).not.toContain(LEGACY_AMI);

  // Undo, once deleting is allowed, removes prod's copy and backup's AMI; the original stays.
  await page.getByRole('button', { name: 'Undo this run…' }).click();
  const undo = page.getByRole('dialog', { name: /^Undo run / });
  await expect(undo.getByTestId('undo-steps')).toContainText(
    `re-encrypted with ${EBS_WORKLOADS} — Deregisters the copy and deletes its snapshots (asks first).`,
  );
  await undo.getByRole('checkbox', { name: /Delete what this run created/ }).click();
  await undo.getByRole('button', { name: 'Undo the run' }).click();
  await expect(undo.getByTestId('undo-done')).toBeVisible({ timeout: 120_000 });
  await checkStep(page, testInfo, 'share-ami-aws-ebs-undone');
  expect(await imageExists(prod, sharedId)).toBe(false);
  expect(await imageExists(backup, copyId)).toBe(false);
  const original = await prod.send(new DescribeImagesCommand({ ImageIds: [LEGACY_AMI] }));
  expect(original.Images?.[0]?.State).toBe('available');
});

test('preflight finds a missing IAM permission in the target, before any change', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'drives the sandbox through the browser-mode host');
  const { page, dataDir } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });

  // A backup identity that may use EC2 and backup's keys, but not prod's key.
  const iam = new IAMClient((await sandboxAdmin(keyward.host!, dataDir, 'backup')).config);
  await iam.send(new CreateUserCommand({ UserName: 'e2e-ami-copier' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'e2e-ami-copier',
      PolicyName: 'ec2-and-own-keys',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:*', 'iam:Get*', 'iam:List*', 'sts:*'], Resource: '*' },
          { Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:222222222222:key/*' },
          { Effect: 'Allow', Action: 'kms:List*', Resource: '*' },
        ],
      }),
    }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'e2e-ami-copier' }));
  await new ShellPage(page).open('Profiles');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Profile name').fill('ami-copier');
  await dialog.locator('label', { hasText: /^Keyward sandbox$/ }).click();
  await dialog.getByLabel('Access key ID').fill(AccessKey!.AccessKeyId!);
  await dialog.getByLabel('Secret access key').fill(AccessKey!.SecretAccessKey!);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog).toBeHidden();

  await openShareAmiWizard(page, WEB_AMI);
  await chooseAmiTarget(page, /^ami-copier — 222222222222$/, 'alias/dr-backups');
  await page.getByRole('button', { name: 'Next: Then' }).click();
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  const missing = page
    .getByTestId('workflow-preflight-check')
    .filter({ hasText: 'user/e2e-ami-copier (the target profile' });
  await expect(missing).toContainText('would not be allowed kms:DescribeKey, kms:Decrypt', {
    timeout: 90_000,
  });
  await expect(
    page.getByRole('checkbox', {
      name: /^Fix it first: Add an inline IAM policy to user e2e-ami-copier/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share the AMI' })).toBeDisabled();
  await checkStep(page, testInfo, 'share-ami-iam-preflight');

  // Nothing changed in prod: no statement on the key, no launch permission.
  const prod = (await sandboxAdmin(keyward.host!, dataDir, 'prod')).config;
  const { Policy } = await new KMSClient(prod).send(
    new GetKeyPolicyCommand({ KeyId: EBS_WORKLOADS, PolicyName: 'default' }),
  );
  expect(Policy).not.toContain('keyward-');
  const backup = new EC2Client((await sandboxAdmin(keyward.host!, dataDir, 'backup')).config);
  const { Images } = await backup.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
  expect((Images ?? []).map((i) => i.ImageId)).not.toContain(WEB_AMI);
});
