import {
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  ListUserPoliciesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_LEGACY_LOGS,
  PROD_SNAPSHOT_LEGACY_ROOT,
  PROD_SNAPSHOT_WEB_DATA,
} from '../../src-sandbox/seed/ec2';
import { shareSnapshotRequest } from '../../src-shared/schemas/workflow-request';
import { readPolicy } from '../key-operations/key-detail';
import { ec2Of, kmsOf } from '../key-operations/key-context';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();

const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

const shareRequest = (overrides: Record<string, unknown> = {}) =>
  shareSnapshotRequest.parse({
    job: 'share-snapshot',
    profileId: 'prod',
    region: 'us-east-1',
    snapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
    targetProfileId: 'backup',
    targetRegion: 'us-east-1',
    targetKmsKeyId: 'alias/dr-backups',
    ...overrides,
  });

async function backupSees(snapshotId: string): Promise<boolean> {
  const ec2 = await ec2Of(kit.ctx, 'backup', 'us-east-1');
  try {
    const out = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }));
    return (out.Snapshots ?? []).length > 0;
  } catch {
    return false;
  }
}

async function backupVolume(volumeId: string) {
  const ec2 = await ec2Of(kit.ctx, 'backup', 'us-east-1');
  const out = await ec2.send(
    new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [volumeId] }] }),
  );
  return out.Volumes?.[0];
}

describe('share a snapshot with another account', () => {
  it('previews the key policy diff with the added statement, shares, copies with the target key, makes a volume of the copy, and undoes it all', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      shareRequest({ volumeAvailabilityZone: 'us-east-1b' }),
      'run-share-1',
    );
    expect(plan.steps.map((s) => [s.id, s.profileId])).toEqual([
      ['key-policy', 'prod'],
      ['share', 'prod'],
      ['copy', 'backup'],
      ['wait', 'backup'],
      ['volume', 'backup'],
    ]);
    const diff = plan.steps[0]?.policyDiff;
    expect(diff).toMatchObject({ keyArn: EBS_WORKLOADS, addedSid: 'keyward-run-share-1' });
    const added = (
      JSON.parse(diff?.after ?? '{}') as { Statement: { Sid?: string }[] }
    ).Statement.find((s) => s.Sid === 'keyward-run-share-1');
    expect(added).toEqual({
      Sid: 'keyward-run-share-1',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: [
        'kms:CreateGrant',
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:GenerateDataKey*',
        'kms:ReEncrypt*',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } },
    });
    expect(diff?.before).not.toContain('keyward-run-share-1');
    expect(plan.steps[1]?.cli).toBe(
      `aws ec2 modify-snapshot-attribute --snapshot-id ${PROD_SNAPSHOT_DB_NIGHTLY} --attribute createVolumePermission --operation-type add --user-ids 222222222222 --profile prod --region us-east-1`,
    );

    const checked = await engine.preflight(plan);
    expect(checked.ok).toBe(true);
    expect(await backupSees(PROD_SNAPSHOT_DB_NIGHTLY)).toBe(false);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [copy] = await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId);
    expect(copy).toMatchObject({
      State: 'completed',
      Encrypted: true,
      KmsKeyId: DR_BACKUPS_EAST,
      OwnerId: '222222222222',
    });
    expect(await backupSees(PROD_SNAPSHOT_DB_NIGHTLY)).toBe(true);
    const volumeId = run.steps.find((s) => s.id === 'volume')?.outputs['volumeId'] ?? '';
    expect(await backupVolume(volumeId)).toMatchObject({
      SnapshotId: copy?.SnapshotId,
      AvailabilityZone: 'us-east-1b',
      Encrypted: true,
      KmsKeyId: DR_BACKUPS_EAST,
      State: 'available',
    });

    await engine.undo(plan.runId, true, recordRun());
    expect(await backupVolume(volumeId)).toBeUndefined();
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toEqual([]);
    expect(await backupSees(PROD_SNAPSHOT_DB_NIGHTLY)).toBe(false);
    const policy = await readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS);
    expect(policy).not.toContain('keyward-run-share-1');
  });

  it('finds before any change that the target identity’s IAM policies do not allow the key, and its offered fix step makes the run pass', async () => {
    const iam = new IAMClient(kit.sandbox.t.client('backup'));
    await iam.send(new CreateUserCommand({ UserName: 'copier' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'copier',
        PolicyName: 'ec2-and-own-keys',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['ec2:*', 'iam:Get*', 'iam:List*'], Resource: '*' },
            {
              Effect: 'Allow',
              Action: ['iam:PutUserPolicy', 'iam:DeleteUserPolicy'],
              Resource: 'arn:aws:iam::222222222222:user/copier',
            },
            { Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:222222222222:key/*' },
          ],
        }),
      }),
    );
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'copier' }));
    kit.addProfile('backup-copier', '222222222222', {
      accessKeyId: key.AccessKey?.AccessKeyId ?? '',
      secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
    });
    const engine = kit.engine();
    const plan = await engine.preview(
      shareRequest({ targetProfileId: 'backup-copier' }),
      'run-share-iam',
    );
    const checked = await engine.preflight(plan);
    expect(checked.ok).toBe(false);
    const failed = checked.checks.filter((c) => c.status === 'failed');
    expect(failed.map((c) => c.stepId)).toEqual(['key-policy']);
    expect(failed[0]?.message).toBe(
      `arn:aws:iam::222222222222:user/copier (the target profile's identity) would not be allowed kms:DescribeKey, kms:Decrypt, kms:ReEncryptFrom, kms:CreateGrant on ${EBS_WORKLOADS}, so its copy would fail ("Given key ID is not accessible"). Its IAM policies must allow kms:DescribeKey, kms:Decrypt, kms:ReEncryptFrom, kms:CreateGrant on that key ARN; the key policy statement this run adds covers the key side.`,
    );
    await expect(engine.start(plan, recordRun())).rejects.toThrow(/nothing was changed/);
    expect(await backupSees(PROD_SNAPSHOT_DB_NIGHTLY)).toBe(false);
    const policy = await readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS);
    expect(policy).not.toContain('keyward-run-share-iam');

    // The offered fix, accepted: an inline policy for the copier, run first; then all passes.
    const fix = failed[0]?.fix?.step;
    expect(fix).toMatchObject({ kind: 'add-identity-policy', profileId: 'backup-copier' });
    const fixed = await engine.preview(
      shareRequest({ targetProfileId: 'backup-copier' }),
      'run-share-iam-fixed',
      fix ? [fix] : [],
    );
    expect(fixed.steps[0]?.cli).toContain('aws iam put-user-policy --user-name copier');
    const refixed = await engine.preflight(fixed);
    expect(refixed.ok).toBe(true);
    const run = await engine.start(fixed, recordRun());
    expect(run.status).toBe('done');
    expect(await kit.snapshotsOfRun('backup-copier', 'us-east-1', fixed.runId)).toHaveLength(1);
    await engine.undo(fixed.runId, true, recordRun());
    const left = await iam.send(new ListUserPoliciesCommand({ UserName: 'copier' }));
    expect(left.PolicyNames).toEqual(['ec2-and-own-keys']);
  });

  it('stops after the share when the other account runs its side, and undo leaves a sharing that was there before', async () => {
    const prod = await ec2Of(kit.ctx, 'prod', 'us-east-1');
    await prod.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_WEB_DATA,
        CreateVolumePermission: { Add: [{ UserId: '222222222222' }] },
      }),
    );
    const engine = kit.engine();
    const plan = await engine.preview(
      shareRequest({ snapshotId: PROD_SNAPSHOT_WEB_DATA, stopAfterShare: true }),
      'run-share-half',
    );
    expect(plan.steps.map((s) => s.id)).toEqual(['key-policy', 'share']);
    expect(plan.steps[1]?.undo).toBe(
      'Nothing: the snapshot was shared with account 222222222222 before this run.',
    );
    await engine.start(plan, recordRun());
    await engine.undo(plan.runId, false, recordRun());
    expect(await backupSees(PROD_SNAPSHOT_WEB_DATA)).toBe(true);
    const policy = await readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS);
    expect(policy).not.toContain('keyward-run-share-half');
  });

  it('after a run stopped at the share, hands the other account its side as a script with the re-encrypted copy written in', async () => {
    const engine = kit.engine();
    const request = shareRequest({
      snapshotId: PROD_SNAPSHOT_LEGACY_LOGS,
      reencryptKmsKeyId: 'alias/ebs-workloads',
      stopAfterShare: true,
      volumeAvailabilityZone: 'us-east-1a',
    });
    const plan = await engine.preview(request, 'run-share-handoff');
    expect(plan.steps.map((s) => s.id)).toEqual([
      'reencrypt',
      'reencrypt-wait',
      'key-policy',
      'share',
    ]);
    await expect(engine.handoff({ ...request, stopAfterShare: false }, plan.runId)).rejects.toThrow(
      /not found|no run/i,
    );
    await engine.start(plan, recordRun());
    const [reencrypted] = await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId);
    const handoff = await engine.handoff({ ...request, stopAfterShare: false }, plan.runId);
    expect(handoff.text).toContain('Step 1 of 3: Copy ' + (reencrypted?.SnapshotId ?? '?'));
    expect(handoff.text).toContain(`--source-snapshot-id ${reencrypted?.SnapshotId ?? '?'}`);
    expect(handoff.text).toContain('--profile "$TARGET_PROFILE"');
    expect(handoff.text).toContain('Step 2 of 3: Wait until the new snapshot ($COPY_SNAPSHOT_ID)');
    expect(handoff.text).toContain('aws ec2 create-volume');
    expect(handoff.script).not.toMatch(/OWNER_PROFILE|put-key-policy|modify-snapshot-attribute/);
    await engine.undo(plan.runId, true, recordRun());
  });

  it('refuses a snapshot on aws/ebs without a key to re-encrypt it with, and says what to choose', async () => {
    const engine = kit.engine();
    const preview = engine.preview(
      shareRequest({ snapshotId: PROD_SNAPSHOT_LEGACY_ROOT }),
      'run-share-ebs',
    );
    await expect(preview).rejects.toThrow(/AWS managed key aws\/ebs.*refuses to share it/);
    await expect(preview).rejects.toMatchObject({
      hint: expect.stringContaining('customer managed key in us-east-1 to re-encrypt a copy with'),
    });
    expect(await backupSees(PROD_SNAPSHOT_LEGACY_ROOT)).toBe(false);
  });

  it('re-encrypts a copy of an aws/ebs snapshot under the chosen key, shares that copy, and undo removes it all', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      shareRequest({
        snapshotId: PROD_SNAPSHOT_LEGACY_ROOT,
        reencryptKmsKeyId: 'alias/ebs-workloads',
      }),
      'run-share-ebs-copy',
    );
    expect(plan.steps.map((s) => [s.id, s.profileId])).toEqual([
      ['reencrypt', 'prod'],
      ['reencrypt-wait', 'prod'],
      ['key-policy', 'prod'],
      ['share', 'prod'],
      ['copy', 'backup'],
      ['wait', 'backup'],
    ]);
    expect(plan.steps[0]?.title).toBe(
      `Copy ${PROD_SNAPSHOT_LEGACY_ROOT} in us-east-1, re-encrypted with ${EBS_WORKLOADS}`,
    );
    expect(plan.steps[2]?.policyDiff?.keyArn).toBe(EBS_WORKLOADS);
    expect(plan.steps[3]?.title).toBe(
      'Share the new snapshot ($REENCRYPT_SNAPSHOT_ID) with account 222222222222',
    );
    expect(plan.steps[4]?.cli).toContain('--source-snapshot-id "$REENCRYPT_SNAPSHOT_ID"');
    expect((await engine.preflight(plan)).ok).toBe(true);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [reencrypted] = await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId);
    expect(reencrypted).toMatchObject({
      Encrypted: true,
      KmsKeyId: EBS_WORKLOADS,
      State: 'completed',
    });
    const [copy] = await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId);
    expect(copy).toMatchObject({
      Encrypted: true,
      KmsKeyId: DR_BACKUPS_EAST,
      OwnerId: '222222222222',
    });
    expect(await backupSees(reencrypted?.SnapshotId ?? '')).toBe(true);
    expect(await backupSees(PROD_SNAPSHOT_LEGACY_ROOT)).toBe(false);

    await engine.undo(plan.runId, true, recordRun());
    expect(await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId)).toEqual([]);
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toEqual([]);
    const policy = await readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS);
    expect(policy).not.toContain('keyward-run-share-ebs-copy');
  });
});
