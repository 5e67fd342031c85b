import {
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateGrantCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect, test, type Keyward } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { cutTexts, layoutShot, windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';
import { checkStep, chooseInMultiSelect } from '../pages/guided-job';

// Issue 13 wizard 5: prod shares a snapshot and an AMI with backup (222222222222) and lets it use
// ebs-workloads through its key policy (the seed) and a grant; it also shares a snapshot with
// partner. The wizard finds backup's four items, the run removes them, and backup can no longer
// see the snapshot or use the key — partner's sharing stays. Axe light and dark on every step;
// nothing cut at 1024×700.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const [small, large] = windowSizes;
const BACKUP = '222222222222';
const PARTNER = '333333333333';
const SHARED_SNAPSHOT = 'snap-0d15c000000000001';
const PARTNER_SNAPSHOT = 'snap-0d15c000000000002';
const SHARED_AMI = 'ami-0a310000000000001';
const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';

async function clients(keyward: Keyward, profile: string) {
  if (!keyward.host) throw new Error('browser mode only');
  const { config } = await sandboxAdmin(keyward.host, keyward.dataDir, profile);
  return { ec2: new EC2Client(config), kms: new KMSClient(config) };
}

/** What prod shares before the wizard: backup's snapshot, AMI and grant; partner's snapshot. */
async function shareWithBackupAndPartner(prod: { ec2: EC2Client; kms: KMSClient }) {
  const share = (SnapshotId: string, UserId: string) =>
    prod.ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId,
        CreateVolumePermission: { Add: [{ UserId }] },
      }),
    );
  await share(SHARED_SNAPSHOT, BACKUP);
  await share(PARTNER_SNAPSHOT, PARTNER);
  await prod.ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: SHARED_AMI,
      LaunchPermission: { Add: [{ UserId: BACKUP }] },
    }),
  );
  await prod.kms.send(
    new CreateGrantCommand({
      KeyId: EBS_WORKLOADS,
      GranteePrincipal: `arn:aws:iam::${BACKUP}:role/BackupOperator`,
      Operations: ['Decrypt', 'DescribeKey', 'CreateGrant'],
      Name: 'backup-restore',
    }),
  );
}

async function backupSeesSnapshot(backup: { ec2: EC2Client }): Promise<boolean> {
  const out = await backup.ec2.send(
    new DescribeSnapshotsCommand({ RestorableByUserIds: ['self'] }),
  );
  return (out.Snapshots ?? []).some((s) => s.SnapshotId === SHARED_SNAPSHOT);
}

async function backupUsesKey(backup: { kms: KMSClient }): Promise<boolean> {
  try {
    await backup.kms.send(new DescribeKeyCommand({ KeyId: EBS_WORKLOADS }));
    return true;
  } catch {
    return false;
  }
}

test('revoke everything prod shares with backup, and nothing it shares with partner', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  await page.setViewportSize({ width: small.width, height: small.height });
  const prod = await clients(keyward, 'prod');
  const backup = await clients(keyward, 'backup');
  await shareWithBackupAndPartner(prod);
  expect(await backupSeesSnapshot(backup)).toBe(true);
  expect(await backupUsesKey(backup)).toBe(true);

  const shell = new ShellPage(page);
  await shell.open('Snapshots');
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await chooseInMultiSelect(page, 'Profiles', ['Sandbox · prod']);
  await chooseInMultiSelect(page, 'Regions', ['us-east-1']);
  await page.getByRole('button', { name: 'Read this scope' }).click();
  await page.getByRole('link', { name: 'Revoke sharing with an account…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Revoke sharing with an account',
  );

  await expect(page.getByTestId('revoke-scope')).toHaveText('Sandbox · prod in us-east-1');
  await page.getByRole('textbox', { name: 'Account id' }).fill(BACKUP);
  await checkStep(page, testInfo, 'revoke-sharing-account');

  await page.getByRole('button', { name: 'Next: Found' }).click();
  const items = page.getByTestId('revoke-item');
  await expect(items).toHaveCount(4, { timeout: 90_000 });
  await expect(page.getByTestId('revoke-group-snapshot')).toContainText(SHARED_SNAPSHOT);
  await expect(page.getByTestId('revoke-group-ami')).toContainText(SHARED_AMI);
  await expect(page.getByTestId('revoke-group-grant')).toContainText(
    `arn:aws:iam::${BACKUP}:role/BackupOperator`,
  );
  await expect(page.getByTestId('revoke-group-key-policy')).toContainText('alias/ebs-workloads');
  await expect(page.getByText(PARTNER_SNAPSHOT)).toHaveCount(0);
  await checkStep(page, testInfo, 'revoke-sharing-found');
  await page.setViewportSize({ width: large.width, height: large.height });
  expect(await cutTexts(page), 'found at 1400×900').toEqual([]);
  await layoutShot(page, testInfo, large, 'revoke-sharing-found', 'light');
  await page.setViewportSize({ width: small.width, height: small.height });

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByTestId('workflow-plan-step')).toHaveCount(4, { timeout: 90_000 });
  await expect(page.getByTestId('policy-diff')).toContainText('removed');
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws kms revoke-grant');
  await checkStep(page, testInfo, 'revoke-sharing-preview');

  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText('Every check passed')).toBeVisible({ timeout: 90_000 });
  await checkStep(page, testInfo, 'revoke-sharing-preflight');

  await page.getByRole('button', { name: 'Revoke the sharing' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('revoke-removed').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('revoke-run-id')).not.toBeEmpty();
  await checkStep(page, testInfo, 'revoke-sharing-done');

  expect(await backupSeesSnapshot(backup)).toBe(false);
  expect(await backupUsesKey(backup)).toBe(false);
  const partner = await prod.ec2.send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: PARTNER_SNAPSHOT,
      Attribute: 'createVolumePermission',
    }),
  );
  expect(partner.CreateVolumePermissions).toEqual([{ UserId: PARTNER }]);

  // Undo shares it all again: backup sees the snapshot and may use the key once more.
  await page.getByRole('button', { name: 'Undo: share it all again' }).click();
  await expect(page.getByTestId('revoke-undone')).toBeVisible({ timeout: 120_000 });
  expect(await backupSeesSnapshot(backup)).toBe(true);
  expect(await backupUsesKey(backup)).toBe(true);
});
