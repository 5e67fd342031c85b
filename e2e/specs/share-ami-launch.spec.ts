import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Tag,
} from '@aws-sdk/client-ec2';
import { GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { checkStep, smallWindow } from '../pages/guided-job';
import { chooseAmiTarget, openShareAmiWizard } from '../pages/share-ami-wizard';

// Issue 13 wizard 3, the launch path: prod (111111111111) shares its web-tier golden AMI with
// backup (222222222222), which launches an instance from it with every volume re-encrypted under
// its own dr-backups key; undo terminates the instance and takes the sharing back.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000 });

const WEB_AMI = 'ami-0a310000000000001';
const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

const runTagsOf = (tags: Tag[] | undefined) =>
  Object.fromEntries(
    (tags ?? []).filter((t) => t.Key?.startsWith('keyward:')).map((t) => [t.Key, t.Value]),
  );

test('the target launches an instance from the shared AMI on its own key; undo terminates it and unshares', async ({
  keyward,
}, testInfo) => {
  test.skip(!keyward.host, 'reads the sandbox through the browser-mode host');
  const { page, dataDir } = keyward;
  await page.setViewportSize(smallWindow);
  await openShareAmiWizard(page, WEB_AMI);
  await chooseAmiTarget(page, /^Sandbox · backup — 222222222222$/, 'alias/dr-backups');

  await page.getByRole('button', { name: 'Next: Then' }).click();
  await page.getByRole('radio', { name: /^Launch an instance in the target account/ }).check();
  await expect(page.getByRole('textbox', { name: 'Instance type' })).toHaveValue('t3.micro');
  await expect(page.getByTestId('share-ami-keys')).toContainText('alias/ebs-workloads', {
    timeout: 60_000,
  });
  await checkStep(page, testInfo, 'share-ami-launch-then');

  await page.getByRole('button', { name: 'Next: Preview' }).click();
  const steps = page.getByTestId('workflow-plan-step');
  await expect(steps).toHaveCount(3, { timeout: 60_000 });
  await expect(steps.last()).toContainText(`Launch a t3.micro instance from ${WEB_AMI}`);
  await expect(page.getByTestId('workflow-runbook')).toContainText('aws ec2 run-instances');
  await checkStep(page, testInfo, 'share-ami-launch-preview');

  await page.getByRole('button', { name: 'Next: Preflight' }).click();
  await expect(page.getByText(/^Every check passed/)).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Share the AMI' }).click();
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 240_000 });
  const instanceId = (await page.getByTestId('share-ami-new-instance').textContent()) ?? '';
  expect(instanceId).toMatch(/^i-/);
  const runId = (await page.getByTestId('share-ami-run-id').textContent()) ?? '';
  expect(runId).not.toBe('');
  await checkStep(page, testInfo, 'share-ami-launch-done');

  // In "AWS": backup runs the instance, each of its volumes on backup's key (not prod's).
  const backup = new EC2Client((await sandboxAdmin(keyward.host!, dataDir, 'backup')).config);
  const prodKms = new KMSClient((await sandboxAdmin(keyward.host!, dataDir, 'prod')).config);
  const { Reservations } = await backup.send(
    new DescribeInstancesCommand({ InstanceIds: [instanceId] }),
  );
  const instance = Reservations?.[0]?.Instances?.[0];
  expect(instance).toMatchObject({ ImageId: WEB_AMI, State: { Name: 'running' } });
  expect(runTagsOf(instance?.Tags)).toEqual({
    'keyward:run-id': runId,
    'keyward:step-id': 'launch',
  });
  const { Volumes } = await backup.send(
    new DescribeVolumesCommand({
      Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }],
    }),
  );
  expect(
    Volumes?.map((v) => [v.Encrypted, v.KmsKeyId, runTagsOf(v.Tags)['keyward:run-id']]),
  ).toEqual([
    [true, DR_BACKUPS_EAST, runId],
    [true, DR_BACKUPS_EAST, runId],
  ]);
  const launchable = async () =>
    (
      (await backup.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }))).Images ?? []
    ).map((i) => i.ImageId);
  const keyPolicy = async () =>
    (await prodKms.send(new GetKeyPolicyCommand({ KeyId: EBS_WORKLOADS, PolicyName: 'default' })))
      .Policy ?? '';
  expect(await launchable()).toContain(WEB_AMI);
  expect(await keyPolicy()).toContain(`keyward-${runId}`);

  // Undo from the wizard, confirming the termination.
  await page.getByRole('button', { name: 'Undo this run…' }).click();
  const dialog = page.getByRole('dialog', { name: `Undo run ${runId}` });
  await expect(dialog.getByTestId('undo-steps')).toContainText('Terminates the instance');
  const confirm = dialog.getByRole('checkbox', { name: /instance/ });
  await expect(dialog.getByRole('button', { name: 'Undo the run' })).toBeDisabled();
  await confirm.check();
  await checkStep(page, testInfo, 'share-ami-launch-undo', { cut: false });
  await dialog.getByRole('button', { name: 'Undo the run' }).click();
  await expect(dialog.getByTestId('undo-done')).toContainText('3 steps reverted', {
    timeout: 120_000,
  });
  const after = await backup.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  expect(after.Reservations?.[0]?.Instances?.[0]?.State?.Name).toMatch(
    /^(shutting-down|terminated)$/,
  );
  expect(await launchable()).not.toContain(WEB_AMI);
  expect(await keyPolicy()).not.toContain(`keyward-${runId}`);
});
