import {
  DescribeImageAttributeCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateGrantCommand, DescribeKeyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PROD_AMI_WEB,
  PROD_SNAPSHOT_BUILD_CACHE,
  PROD_SNAPSHOT_DB_NIGHTLY,
  PROD_SNAPSHOT_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { ec2Of, kmsOf } from '../key-operations/key-context';
import { readPolicy } from '../key-operations/key-detail';
import { listGrants } from '../key-operations/key-lists';
import { samePolicy } from '../key-operations/key-policy';
import { findShared } from '../sharing/find-shared';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();

const BACKUP = '222222222222';
const PARTNER = '333333333333';
const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const scope = [{ profileId: 'prod', region: 'us-east-1' }];
const prodEc2 = () => ec2Of(kit.ctx, 'prod', 'us-east-1');
const prodKms = () => kmsOf(kit.ctx, 'prod', 'us-east-1');

/** ebs-workloads as seeded (backup may use it) plus a statement for both accounts and one for backup's calls. */
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::222222222222:root'] },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
      Resource: '*',
    },
    {
      Sid: 'Partners and backup operators',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::222222222222:role/BackupOperator', PARTNER] },
      Action: 'kms:DescribeKey',
      Resource: '*',
    },
    {
      Sid: 'Calls from backup',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': BACKUP } },
    },
    {
      Sid: 'Never from backup',
      Effect: 'Deny',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: 'kms:ScheduleKeyDeletion',
      Resource: '*',
    },
  ],
});

const grantTo = (account: string, role: string) =>
  new CreateGrantCommand({
    KeyId: EBS_WORKLOADS,
    GranteePrincipal: `arn:aws:iam::${account}:role/${role}`,
    Operations: ['Decrypt', 'DescribeKey'],
    Constraints: { EncryptionContextSubset: { purpose: 'dr' } },
    Name: `${role}-grant`,
  });

async function sharedWith(snapshotId: string): Promise<string[]> {
  const out = await (
    await prodEc2()
  ).send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: snapshotId,
      Attribute: 'createVolumePermission',
    }),
  );
  return (out.CreateVolumePermissions ?? []).map((p) => p.UserId ?? '');
}

async function amiSharedWith(): Promise<string[]> {
  const out = await (
    await prodEc2()
  ).send(
    new DescribeImageAttributeCommand({ ImageId: PROD_AMI_WEB, Attribute: 'launchPermission' }),
  );
  return (out.LaunchPermissions ?? []).map((p) => p.UserId ?? '');
}

const grantees = async () =>
  (await listGrants(await prodKms(), EBS_WORKLOADS)).map((g) => g.granteePrincipal).sort();

async function backupCan(what: 'see the snapshot' | 'use the key'): Promise<boolean> {
  try {
    if (what === 'use the key') {
      await (
        await kmsOf(kit.ctx, 'backup', 'us-east-1')
      ).send(new DescribeKeyCommand({ KeyId: EBS_WORKLOADS }));
      return true;
    }
    const ec2 = await ec2Of(kit.ctx, 'backup', 'us-east-1');
    const out = await ec2.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ['self'] }));
    return (out.Snapshots ?? []).some((s) => s.SnapshotId === PROD_SNAPSHOT_DB_NIGHTLY);
  } catch {
    return false;
  }
}

const request = (exclusions: string[] = []) =>
  workflowRequest.parse({ job: 'revoke-sharing', accountId: BACKUP, scope, exclusions });

beforeAll(async () => {
  const ec2 = await prodEc2();
  const share = (snapshotId: string, account: string) =>
    ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshotId,
        CreateVolumePermission: { Add: [{ UserId: account }] },
      }),
    );
  await share(PROD_SNAPSHOT_DB_NIGHTLY, BACKUP);
  await share(PROD_SNAPSHOT_WEB_ROOT, PARTNER);
  // Public sharing is not sharing with backup: the revoke leaves it.
  await ec2.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: PROD_SNAPSHOT_BUILD_CACHE,
      CreateVolumePermission: { Add: [{ Group: 'all' }] },
    }),
  );
  await ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: PROD_AMI_WEB,
      LaunchPermission: { Add: [{ UserId: BACKUP }] },
    }),
  );
  const kms = await prodKms();
  await kms.send(
    new PutKeyPolicyCommand({ KeyId: EBS_WORKLOADS, PolicyName: 'default', Policy: policy }),
  );
  await kms.send(grantTo(BACKUP, 'BackupOperator'));
  await kms.send(grantTo(PARTNER, 'Auditor'));
});

describe('revoke what is shared with an account', () => {
  it('finds the snapshot, the AMI, the grant and the key policy statements naming it — and nothing of another account', async () => {
    const found = await findShared(kit.ctx, BACKUP, scope);
    expect(found.problems).toEqual([]);
    expect(
      found.items.map((item) => {
        if (item.kind === 'snapshot') return [item.kind, item.snapshotId];
        if (item.kind === 'ami') return [item.kind, item.imageId];
        if (item.kind === 'grant') return [item.kind, item.granteePrincipal, item.alias];
        return [item.kind, item.keyArn, item.statements];
      }),
    ).toEqual([
      ['snapshot', PROD_SNAPSHOT_DB_NIGHTLY],
      ['ami', PROD_AMI_WEB],
      ['grant', 'arn:aws:iam::222222222222:role/BackupOperator', 'alias/ebs-workloads'],
      [
        'key-policy',
        EBS_WORKLOADS,
        ['Allow use of the key', 'Partners and backup operators', 'Calls from backup'],
      ],
    ]);
  });

  it('previews each removal with its CLI line and the policy before and after, runs, and leaves the other account’s sharing alone', async () => {
    expect(await backupCan('see the snapshot')).toBe(true);
    expect(await backupCan('use the key')).toBe(true);
    const engine = kit.engine();
    const plan = await engine.preview(request(), 'run-revoke-1');
    expect(plan.steps.map((s) => [s.id, s.kind])).toEqual([
      ['snapshot-1', 'remove-create-volume-permission'],
      ['ami-2', 'remove-launch-permission'],
      ['grant-3', 'revoke-grant'],
      ['key-policy-4', 'remove-key-policy-principal'],
    ]);
    expect(plan.steps.map((s) => s.cli)).toEqual([
      `aws ec2 modify-snapshot-attribute --snapshot-id ${PROD_SNAPSHOT_DB_NIGHTLY} --attribute createVolumePermission --operation-type remove --user-ids 222222222222 --profile prod --region us-east-1`,
      `aws ec2 modify-image-attribute --image-id ${PROD_AMI_WEB} --launch-permission 'Remove=[{UserId=222222222222}]' --profile prod --region us-east-1`,
      expect.stringMatching(
        new RegExp(
          `^aws kms revoke-grant --key-id ${EBS_WORKLOADS} --grant-id \\S+ --profile prod --region us-east-1$`,
        ),
      ),
      expect.stringContaining(`aws kms put-key-policy --key-id ${EBS_WORKLOADS}`),
    ]);
    const diff = plan.steps[3]?.policyDiff;
    const statements = (text: string | undefined) =>
      (JSON.parse(text ?? '{}') as { Statement: unknown[] }).Statement;
    expect(statements(diff?.before)).toHaveLength(5);
    expect(statements(diff?.after)).toEqual([
      expect.objectContaining({ Sid: 'Enable IAM User Permissions' }),
      expect.objectContaining({
        Sid: 'Partners and backup operators',
        Principal: { AWS: PARTNER },
      }),
      expect.objectContaining({ Sid: 'Never from backup', Effect: 'Deny' }),
    ]);
    expect((await engine.preflight(plan)).ok).toBe(true);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    expect(await sharedWith(PROD_SNAPSHOT_DB_NIGHTLY)).toEqual([]);
    expect(await sharedWith(PROD_SNAPSHOT_WEB_ROOT)).toEqual([PARTNER]);
    expect(await amiSharedWith()).toEqual([]);
    expect(await grantees()).toEqual(['arn:aws:iam::333333333333:role/Auditor']);
    expect(await backupCan('see the snapshot')).toBe(false);
    expect(await backupCan('use the key')).toBe(false);
    expect((await findShared(kit.ctx, BACKUP, scope)).items).toEqual([]);
    // Run again from its journal: nothing left to do, nothing fails.
    expect((await engine.resume(plan.runId, recordRun())).status).toBe('done');
  });

  it('undoes every kind: the permissions again, the grant made anew with a new id, the statements as they were', async () => {
    const engine = kit.engine();
    const revoked = (await engine.get('run-revoke-1')).plan;
    const oldGrant = revoked.steps[2]?.params['grantId'];
    const undone = await engine.undo('run-revoke-1', false, recordRun());
    expect(undone.status).toBe('undone');
    expect(await sharedWith(PROD_SNAPSHOT_DB_NIGHTLY)).toEqual([BACKUP]);
    expect(await amiSharedWith()).toEqual([BACKUP]);
    const grants = await listGrants(await prodKms(), EBS_WORKLOADS);
    const again = grants.find((g) => g.granteePrincipal?.includes(BACKUP));
    expect(again).toMatchObject({
      operations: ['Decrypt', 'DescribeKey'],
      constraints: { encryptionContextSubset: { purpose: 'dr' }, encryptionContextEquals: null },
      name: 'BackupOperator-grant',
    });
    expect(again?.grantId).not.toBe(oldGrant);
    expect(samePolicy(await readPolicy(await prodKms(), EBS_WORKLOADS), policy)).toBe(true);
    expect(await backupCan('use the key')).toBe(true);
  });

  it('leaves out what the user unticked, and says so when nothing is left', async () => {
    const found = await findShared(kit.ctx, BACKUP, scope);
    const keep = found.items.filter((item) => item.kind !== 'snapshot').map((item) => item.id);
    const engine = kit.engine();
    const plan = await engine.preview(request(keep), 'run-revoke-2');
    expect(plan.steps.map((s) => s.kind)).toEqual(['remove-create-volume-permission']);
    await expect(
      engine.preview(request(found.items.map((item) => item.id)), 'run-revoke-3'),
    ).rejects.toThrow('Nothing left to revoke from account 222222222222.');
  });
});
