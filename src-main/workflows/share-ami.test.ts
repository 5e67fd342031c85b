import {
  CopySnapshotCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  PROD_AMI_LEGACY,
  PROD_AMI_WEB,
  PROD_SNAPSHOT_WEB_DATA,
  PROD_SNAPSHOT_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';
import { readPolicy } from '../key-operations/key-detail';
import { ec2Of, kmsOf } from '../key-operations/key-context';
import { RUN_ID_TAG } from './kinds/snapshots';
import { shareAmiRequest } from './testing/share-ami-request';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();

const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const APP_DATA = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0001-4aaa-8bbb-111111110001';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

async function backupCanLaunch(imageId: string): Promise<boolean> {
  const ec2 = await ec2Of(kit.ctx, 'backup', 'us-east-1');
  const out = await ec2.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
  return (out.Images ?? []).some((i) => i.ImageId === imageId);
}

async function imagesOfRun(runId: string, profileId = 'backup') {
  const ec2 = await ec2Of(kit.ctx, profileId, 'us-east-1');
  const out = await ec2.send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }],
    }),
  );
  return out.Images ?? [];
}

const prodPolicy = async (keyArn: string) =>
  readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), keyArn);

/** An AMI of prod whose two disks are on two keys: ebs-workloads and app-data. */
async function amiOnTwoKeys(name: string): Promise<string> {
  const ec2 = await ec2Of(kit.ctx, 'prod', 'us-east-1');
  kit.setCopyDuration(0);
  const copy = await ec2.send(
    new CopySnapshotCommand({
      SourceRegion: 'us-east-1',
      SourceSnapshotId: PROD_SNAPSHOT_WEB_DATA,
      Encrypted: true,
      KmsKeyId: 'alias/app-data',
    }),
  );
  const image = await ec2.send(
    new RegisterImageCommand({
      Name: name,
      RootDeviceName: '/dev/xvda',
      Architecture: 'x86_64',
      VirtualizationType: 'hvm',
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { SnapshotId: PROD_SNAPSHOT_WEB_ROOT } },
        { DeviceName: '/dev/xvdb', Ebs: { SnapshotId: copy.SnapshotId ?? '' } },
      ],
    }),
  );
  return image.ImageId ?? '';
}

/** A backup profile whose user may use EC2 and backup's own keys, and no other account's. */
async function addLaunchOnlyProfile(): Promise<string> {
  const iam = new IAMClient(kit.sandbox.t.client('backup'));
  await iam.send(new CreateUserCommand({ UserName: 'ami-copier' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'ami-copier',
      PolicyName: 'ec2-and-own-keys',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ec2:*', 'iam:Get*', 'iam:List*', 'iam:Put*'],
            Resource: '*',
          },
          { Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:222222222222:key/*' },
        ],
      }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'ami-copier' }));
  kit.addProfile('backup-ami-copier', '222222222222', {
    accessKeyId: key.AccessKey?.AccessKeyId ?? '',
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
  });
  return 'backup-ami-copier';
}

describe('share an AMI with another account', () => {
  it('shares the key and the AMI, and the target ends with its own copy under its own key; undo removes it all', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(shareAmiRequest(), 'run-ami-copy');
    expect(plan.steps.map((s) => [s.id, s.kind, s.profileId])).toEqual([
      ['key-policy', 'add-key-policy-statement', 'prod'],
      ['share', 'add-launch-permission', 'prod'],
      ['copy', 'copy-image', 'backup'],
    ]);
    expect(plan.steps[1]?.cli).toBe(
      `aws ec2 modify-image-attribute --image-id ${PROD_AMI_WEB} --launch-permission '{"Add":[{"UserId":"222222222222"}]}' --profile prod --region us-east-1`,
    );
    expect(plan.steps[2]?.action.params).toMatchObject({
      SourceImageId: PROD_AMI_WEB,
      SourceRegion: 'us-east-1',
      Encrypted: true,
      KmsKeyId: 'alias/dr-backups',
      ClientToken: expect.stringMatching(/^keyward-[0-9a-f]{48}$/) as unknown,
    });
    expect((await engine.preflight(plan)).ok).toBe(true);
    expect(await backupCanLaunch(PROD_AMI_WEB)).toBe(false);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [copy] = await imagesOfRun(plan.runId);
    expect(copy).toMatchObject({ State: 'available', OwnerId: '222222222222' });
    expect(run.steps[2]?.outputs['imageId']).toBe(copy?.ImageId);
    const snapshots = await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId);
    expect(snapshots.map((s) => [s.Encrypted, s.KmsKeyId])).toEqual([
      [true, DR_BACKUPS_EAST],
      [true, DR_BACKUPS_EAST],
    ]);
    expect(await backupCanLaunch(PROD_AMI_WEB)).toBe(true);

    await expect(engine.undo(plan.runId, false, recordRun())).rejects.toThrow(/Confirm/);
    await engine.undo(plan.runId, true, recordRun());
    expect(await imagesOfRun(plan.runId)).toEqual([]);
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toEqual([]);
    expect(await backupCanLaunch(PROD_AMI_WEB)).toBe(false);
    expect(await prodPolicy(EBS_WORKLOADS)).not.toContain('keyward-run-ami-copy');
  });

  it('adds one key policy statement per distinct key of the backing snapshots', async () => {
    const imageId = await amiOnTwoKeys('web-two-keys');
    const engine = kit.engine();
    const plan = await engine.preview(shareAmiRequest({ imageId, then: 'none' }), 'run-ami-keys');
    expect(plan.steps.map((s) => [s.id, s.params['keyId']])).toEqual([
      ['key-policy-1', EBS_WORKLOADS],
      ['key-policy-2', APP_DATA],
      ['share', undefined],
    ]);
    expect(plan.steps.filter((s) => s.policyDiff).map((s) => s.policyDiff?.keyArn)).toEqual([
      EBS_WORKLOADS,
      APP_DATA,
    ]);
    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    expect(await prodPolicy(EBS_WORKLOADS)).toContain('keyward-run-ami-keys');
    expect(await prodPolicy(APP_DATA)).toContain('keyward-run-ami-keys');
    expect(await backupCanLaunch(imageId)).toBe(true);
  });

  it('refuses an AMI on aws/ebs without a key to re-encrypt it with, before any change, and says what to choose', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      shareAmiRequest({ imageId: PROD_AMI_LEGACY }),
      'run-ami-managed',
    );
    const checked = await engine.preflight(plan);
    expect(checked.ok).toBe(false);
    const share = checked.checks.find((c) => c.stepId === 'share' && c.status === 'failed');
    expect(share?.message).toContain(
      'encrypted with the AWS managed key aws/ebs, which no other account may use',
    );
    expect(share?.message).toContain('Choose a customer managed key to re-encrypt it with');
    await expect(engine.start(plan, recordRun())).rejects.toThrow(/nothing was changed/);
    expect(await backupCanLaunch(PROD_AMI_LEGACY)).toBe(false);
  });

  it('copies an aws/ebs AMI re-encrypted under the chosen key in the owner’s account, shares that copy, the target ends with its own AMI under its own key; undo removes what the run added', async () => {
    const engine = kit.engine();
    const request = shareAmiRequest({
      imageId: PROD_AMI_LEGACY,
      reencryptKmsKeyId: 'alias/ebs-workloads',
    });
    const plan = await engine.preview(request, 'run-ami-reencrypt');
    expect(plan.steps.map((s) => [s.id, s.kind, s.profileId])).toEqual([
      ['reencrypt', 'copy-image', 'prod'],
      ['key-policy', 'add-key-policy-statement', 'prod'],
      ['share', 'add-launch-permission', 'prod'],
      ['copy', 'copy-image', 'backup'],
    ]);
    expect(plan.steps[0]?.action.params).toMatchObject({
      SourceImageId: PROD_AMI_LEGACY,
      SourceRegion: 'us-east-1',
      Encrypted: true,
      KmsKeyId: EBS_WORKLOADS,
      ClientToken: expect.stringMatching(/^keyward-[0-9a-f]{48}$/) as unknown,
    });
    expect(plan.steps[0]?.title).toBe(
      `Copy AMI ${PROD_AMI_LEGACY} in us-east-1 (prod), re-encrypted with ${EBS_WORKLOADS}`,
    );
    expect(plan.steps[1]?.policyDiff?.keyArn).toBe(EBS_WORKLOADS);
    expect(plan.steps[2]?.title).toBe(
      'Let account 222222222222 launch the new AMI ($REENCRYPT_IMAGE_ID)',
    );
    expect(plan.steps[3]?.cli).toContain('--source-image-id "$REENCRYPT_IMAGE_ID"');
    const runbook = await engine.runbook(plan);
    expect(runbook.script).toContain('REENCRYPT_IMAGE_ID=$(aws ec2 copy-image');
    expect(runbook.script).toMatch(/--query ImageId \\\n\s+--output text\)/);
    expect(runbook.script).toMatch(
      /aws ec2 wait image-available \\\n\s+--image-ids "\$REENCRYPT_IMAGE_ID"/,
    );
    const checked = await engine.preflight(plan);
    expect(checked.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(checked.checks).toContainEqual(
      expect.objectContaining({
        stepId: 'reencrypt',
        message: 'CopyImage would succeed (EC2 DryRun).',
      }),
    );
    expect(checked.ok).toBe(true);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [reencrypted] = await imagesOfRun(plan.runId, 'prod');
    expect(reencrypted).toMatchObject({ State: 'available', OwnerId: '111111111111' });
    expect(run.steps[0]?.outputs['imageId']).toBe(reencrypted?.ImageId);
    const ownerSnapshots = await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId);
    expect(ownerSnapshots.map((s) => [s.Encrypted, s.KmsKeyId])).toEqual([[true, EBS_WORKLOADS]]);
    expect(await backupCanLaunch(reencrypted?.ImageId ?? '')).toBe(true);
    expect(await backupCanLaunch(PROD_AMI_LEGACY)).toBe(false);
    const [theirs] = await imagesOfRun(plan.runId);
    expect(theirs).toMatchObject({ State: 'available', OwnerId: '222222222222' });
    const targetSnapshots = await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId);
    expect(targetSnapshots.map((s) => [s.Encrypted, s.KmsKeyId])).toEqual([
      [true, DR_BACKUPS_EAST],
    ]);

    await expect(engine.undo(plan.runId, false, recordRun())).rejects.toThrow(/Confirm/);
    await engine.undo(plan.runId, true, recordRun());
    expect(await imagesOfRun(plan.runId, 'prod')).toEqual([]);
    expect(await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId)).toEqual([]);
    expect(await imagesOfRun(plan.runId)).toEqual([]);
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toEqual([]);
    expect(await prodPolicy(EBS_WORKLOADS)).not.toContain('keyward-run-ami-reencrypt');
    const prod = await ec2Of(kit.ctx, 'prod', 'us-east-1');
    const original = await prod.send(new DescribeImagesCommand({ ImageIds: [PROD_AMI_LEGACY] }));
    expect(original.Images?.[0]).toMatchObject({ State: 'available' });
  });

  it('launches the target’s instance from the re-encrypted copy of an aws/ebs AMI, never from the original', async () => {
    const plan = await kit.engine().preview(
      shareAmiRequest({
        imageId: PROD_AMI_LEGACY,
        reencryptKmsKeyId: 'alias/ebs-workloads',
        then: 'launch',
        instanceType: 't3.micro',
      }),
      'run-ami-reencrypt-launch',
    );
    expect(plan.steps.map((s) => s.id)).toEqual(['reencrypt', 'key-policy', 'share', 'launch']);
    expect(plan.steps[3]?.cli).toContain('--image-id "$REENCRYPT_IMAGE_ID"');
  });

  it('launches an instance in the target whose volumes are on the target’s key; undo terminates it', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      shareAmiRequest({ then: 'launch', instanceType: 't3.micro' }),
      'run-ami-launch',
    );
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'add-key-policy-statement',
      'add-launch-permission',
      'launch-instance',
    ]);
    expect(plan.steps[2]?.action.params['BlockDeviceMappings']).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: 'alias/dr-backups' } },
      { DeviceName: '/dev/xvdb', Ebs: { Encrypted: true, KmsKeyId: 'alias/dr-backups' } },
    ]);
    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const instanceId = run.steps[2]?.outputs['instanceId'] ?? '';
    const ec2 = await ec2Of(kit.ctx, 'backup', 'us-east-1');
    const volumes = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }],
      }),
    );
    expect(volumes.Volumes?.map((v) => [v.Encrypted, v.KmsKeyId])).toEqual([
      [true, DR_BACKUPS_EAST],
      [true, DR_BACKUPS_EAST],
    ]);
    await engine.undo(plan.runId, true, recordRun());
    const after = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    expect(after.Reservations?.[0]?.Instances?.[0]?.State?.Name).toMatch(
      /^(shutting-down|terminated)$/,
    );
  });

  it('resumes a copy cut off right after CopyImage was sent with exactly one copy', async () => {
    const runId = 'run-ami-crash';
    const crashing = kit.engine({
      checkpoint: (at, stepId) => {
        if (at === 'sent' && stepId === 'copy') throw new Error('process killed');
      },
    });
    const plan = await crashing.preview(shareAmiRequest(), runId);
    await expect(crashing.start(plan, recordRun())).rejects.toThrow('process killed');
    const run = await kit.engine().resume(runId, recordRun());
    expect(run.status).toBe('done');
    const copies = await imagesOfRun(runId);
    expect(copies).toHaveLength(1);
    expect(run.steps[2]?.outputs['imageId']).toBe(copies[0]?.ImageId);
    expect(run.steps[2]?.attempts).toBe(2);
  });

  it('finds per key, before any change, that the target’s IAM policies do not allow the owner’s keys, and one fix per key makes it pass', async () => {
    const imageId = await amiOnTwoKeys('web-two-keys-iam');
    const targetProfileId = await addLaunchOnlyProfile();
    const engine = kit.engine();
    const request = shareAmiRequest({ imageId, targetProfileId });
    const plan = await engine.preview(request, 'run-ami-iam');
    const checked = await engine.preflight(plan);
    expect(checked.ok).toBe(false);
    const failed = checked.checks.filter((c) => c.status === 'failed');
    expect(failed.map((c) => [c.stepId, c.fix?.step.id])).toEqual([
      ['key-policy-1', 'target-iam-1'],
      ['key-policy-2', 'target-iam-2'],
    ]);
    expect(failed[1]?.message).toContain(
      `would not be allowed kms:DescribeKey, kms:Decrypt, kms:ReEncryptFrom, kms:CreateGrant on ${APP_DATA}, so its copy would fail`,
    );
    await expect(engine.start(plan, recordRun())).rejects.toThrow(/nothing was changed/);
    expect(await backupCanLaunch(imageId)).toBe(false);

    const fixes = failed.flatMap((c) => (c.fix ? [c.fix.step] : []));
    const fixed = await engine.preview(request, 'run-ami-iam-fixed', fixes);
    expect((await engine.preflight(fixed)).ok).toBe(true);
    const run = await engine.start(fixed, recordRun());
    expect(run.status).toBe('done');
    expect(await imagesOfRun('run-ami-iam-fixed', targetProfileId)).toHaveLength(1);
  });
});
