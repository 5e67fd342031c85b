import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeVolumesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateGrantCommand } from '@aws-sdk/client-kms';
import {
  BACKUP_SNAPSHOT_DB_NIGHTLY,
  PROD_AMI_WEB,
  PROD_SNAPSHOT_WEB_ROOT,
} from '../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { readPolicy } from '../key-operations/key-detail';
import { ec2Of, kmsOf } from '../key-operations/key-context';
import { listGrants } from '../key-operations/key-lists';
import { RUN_ID_TAG } from './kinds/snapshots';
import { shareAmiRequest } from './testing/share-ami-request';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const run = promisify(execFile);
const kit = useWorkflows();

const EBS_WORKLOADS = 'arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d-0003-4aaa-8bbb-111111110003';
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

const shareRequest = workflowRequest.parse({
  job: 'share-snapshot',
  profileId: 'prod',
  region: 'us-east-1',
  snapshotId: PROD_SNAPSHOT_WEB_ROOT,
  targetProfileId: 'backup',
  targetRegion: 'us-east-1',
  targetKmsKeyId: 'alias/dr-backups',
});

const request = workflowRequest.parse({
  job: 'copy-snapshot',
  profileId: 'backup',
  sourceRegion: 'us-west-2',
  snapshotId: BACKUP_SNAPSHOT_DB_NIGHTLY,
  destinationRegion: 'us-east-1',
  kmsKeyId: 'alias/dr-backups',
});

/** The AWS CLI installs to try: v2 in /usr/bin, and whatever `aws` is first on PATH (v1 here). */
const CLIS = [
  {
    name: 'AWS CLI in /usr/bin',
    path: `/usr/bin:${process.env['PATH'] ?? ''}`,
    bin: '/usr/bin/aws',
  },
  { name: 'AWS CLI on PATH', path: process.env['PATH'] ?? '', bin: 'aws' },
];

async function cliAvailable(bin: string): Promise<boolean> {
  if (bin.startsWith('/') && !existsSync(bin)) return false;
  try {
    await run(bin, ['--version'], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** What a user compares: state, encryption key and the tags (run bookkeeping aside). */
async function endState(runId: string) {
  const snapshots = await kit.snapshotsOfRun('backup', 'us-east-1', runId);
  return snapshots.map((s) => ({
    state: s.State,
    encrypted: s.Encrypted,
    key: s.KmsKeyId,
    tags: (s.Tags ?? [])
      .filter((t) => t.Key !== 'keyward:run-id')
      .sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? '')),
  }));
}

/** Runs a runbook script with `cli` against the test sandbox (the file's, or `on`); answers its output. */
async function runScript(
  cli: (typeof CLIS)[number],
  name: string,
  script: string,
  on: typeof kit = kit,
): Promise<string> {
  const file = join(on.dataDir, `${name}.sh`);
  writeFileSync(file, script);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  const { sandbox } = on.sandbox.t;
  Object.assign(env, {
    PATH: cli.path,
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_SHARED_CREDENTIALS_FILE: sandbox.credentialsFile,
    AWS_CONFIG_FILE: sandbox.configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  });
  return (await run('bash', [file], { env, timeout: 280_000 })).stdout;
}

/** What the share leaves: who may create volumes, the run's key statement (Sid aside), the copy. */
async function shareState(runId: string) {
  const ec2 = await ec2Of(kit.ctx, 'prod', 'us-east-1');
  const permission = await ec2.send(
    new DescribeSnapshotAttributeCommand({
      SnapshotId: PROD_SNAPSHOT_WEB_ROOT,
      Attribute: 'createVolumePermission',
    }),
  );
  const policy = JSON.parse(
    await readPolicy(await kmsOf(kit.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS),
  ) as { Statement: Record<string, unknown>[] };
  const added = policy.Statement.filter((s) => s['Sid'] === `keyward-${runId}`).map(
    ({ Sid: _sid, ...rest }) => rest,
  );
  return {
    sharedWith: permission.CreateVolumePermissions,
    statements: policy.Statement.length,
    added,
    copies: await endState(runId),
  };
}

describe('the exported script', () => {
  for (const cli of CLIS) {
    it(
      `${cli.name}: a copy's script runs as it is against the sandbox and ends where the engine ends`,
      { timeout: 300_000 },
      async () => {
        if (!(await cliAvailable(cli.bin))) {
          console.log(`skipping ${cli.name}: not installed`);
          return;
        }
        kit.setCopyDuration(0);
        const engine = kit.engine();
        const byEngine = await engine.preview(request);
        await engine.start(byEngine, recordRun());

        const byScript = await engine.preview(request);
        const { script } = await engine.runbook(byScript);
        expect(await runScript(cli, byScript.runId, script)).toContain('Step 3 of 3');

        const expected = await endState(byEngine.runId);
        expect(expected).toHaveLength(1);
        expect(await endState(byScript.runId)).toEqual(expected);
      },
    );
  }

  it(
    'a share’s script (two profiles) leaves the same permission, key statement and copy as the engine',
    { timeout: 300_000 },
    async () => {
      const cli = CLIS[0];
      if (!cli || !(await cliAvailable(cli.bin))) {
        console.log('skipping: /usr/bin/aws not installed');
        return;
      }
      kit.setCopyDuration(0);
      const engine = kit.engine();
      const byEngine = await engine.preview(shareRequest);
      await engine.start(byEngine, recordRun());
      const expected = await shareState(byEngine.runId);
      expect(expected.sharedWith).toEqual([{ UserId: '222222222222' }]);
      expect(expected.added).toHaveLength(1);
      expect(expected.copies).toHaveLength(1);
      await engine.undo(byEngine.runId, true, recordRun());

      const byScript = await engine.preview(shareRequest);
      const { script } = await engine.runbook(byScript);
      expect(script).toContain('--profile "$OWNER_PROFILE"');
      expect(script).toContain('--profile "$TARGET_PROFILE"');
      await runScript(cli, byScript.runId, script);
      expect(await shareState(byScript.runId)).toEqual(expected);
    },
  );
});

describe('the revoke-sharing script', () => {
  const BACKUP = '222222222222';
  const revokeRequest = workflowRequest.parse({
    job: 'revoke-sharing',
    accountId: BACKUP,
    scope: [{ profileId: 'prod', region: 'us-east-1' }],
  });

  /** What backup is given in prod: snapshot and AMI permissions, grants, key policy. */
  async function revokeState() {
    const ec2 = await ec2Of(kit.ctx, 'prod', 'us-east-1');
    const kms = await kmsOf(kit.ctx, 'prod', 'us-east-1');
    const snapshot = await ec2.send(
      new DescribeSnapshotAttributeCommand({
        SnapshotId: PROD_SNAPSHOT_WEB_ROOT,
        Attribute: 'createVolumePermission',
      }),
    );
    const image = await ec2.send(
      new DescribeImageAttributeCommand({ ImageId: PROD_AMI_WEB, Attribute: 'launchPermission' }),
    );
    return {
      snapshot: snapshot.CreateVolumePermissions,
      image: image.LaunchPermissions,
      grantees: (await listGrants(kms, EBS_WORKLOADS)).map((g) => g.granteePrincipal),
      policy: JSON.parse(await readPolicy(kms, EBS_WORKLOADS)) as unknown,
    };
  }

  it(
    'removes the same permissions, grants and key policy principals as the engine',
    { timeout: 300_000 },
    async () => {
      const cli = CLIS[0];
      if (!cli || !(await cliAvailable(cli.bin))) {
        console.log('skipping: /usr/bin/aws not installed');
        return;
      }
      const ec2 = await ec2Of(kit.ctx, 'prod', 'us-east-1');
      await ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: PROD_SNAPSHOT_WEB_ROOT,
          CreateVolumePermission: { Add: [{ UserId: BACKUP }] },
        }),
      );
      await ec2.send(
        new ModifyImageAttributeCommand({
          ImageId: PROD_AMI_WEB,
          LaunchPermission: { Add: [{ UserId: BACKUP }] },
        }),
      );
      await (
        await kmsOf(kit.ctx, 'prod', 'us-east-1')
      ).send(
        new CreateGrantCommand({
          KeyId: EBS_WORKLOADS,
          GranteePrincipal: `arn:aws:iam::${BACKUP}:role/BackupOperator`,
          Operations: ['Decrypt'],
        }),
      );
      const engine = kit.engine();
      const byEngine = await engine.preview(revokeRequest);
      await engine.start(byEngine, recordRun());
      const expected = await revokeState();
      expect(expected.snapshot).toEqual([]);
      expect(expected.image).toEqual([]);
      expect(JSON.stringify(expected)).not.toContain(BACKUP);
      await engine.undo(byEngine.runId, false, recordRun());

      const byScript = await engine.preview(revokeRequest);
      expect(byScript.steps).toHaveLength(byEngine.steps.length);
      const { script } = await engine.runbook(byScript);
      await runScript(cli, byScript.runId, script);
      expect(await revokeState()).toEqual(expected);
    },
  );
});

describe('the share-AMI script (copy into the target), on a fresh sandbox per AWS CLI', () => {
  const amiRequest = shareAmiRequest();

  /** Who may launch the AMI, the run's key statement (Sid aside), backup's copy and its disks. */
  async function amiShareState(on: typeof kit, runId: string) {
    const prod = await ec2Of(on.ctx, 'prod', 'us-east-1');
    const permission = await prod.send(
      new DescribeImageAttributeCommand({ ImageId: PROD_AMI_WEB, Attribute: 'launchPermission' }),
    );
    const policy = JSON.parse(
      await readPolicy(await kmsOf(on.ctx, 'prod', 'us-east-1'), EBS_WORKLOADS),
    ) as { Statement: Record<string, unknown>[] };
    const backup = await ec2Of(on.ctx, 'backup', 'us-east-1');
    const { Images } = await backup.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }],
      }),
    );
    const snapshots = await on.snapshotsOfRun('backup', 'us-east-1', runId);
    return {
      launchableBy: permission.LaunchPermissions,
      statements: policy.Statement.length,
      added: policy.Statement.filter((st) => st['Sid'] === `keyward-${runId}`).map(
        ({ Sid: _sid, ...rest }) => rest,
      ),
      copies: (Images ?? []).map((i) => ({
        state: i.State,
        owner: i.OwnerId,
        devices: i.BlockDeviceMappings?.length,
      })),
      disks: snapshots.map((sn) => [sn.Encrypted, sn.KmsKeyId]),
    };
  }

  /** The run's instances in backup: state and the key of each volume. */
  async function launchState(on: typeof kit, runId: string) {
    const backup = await ec2Of(on.ctx, 'backup', 'us-east-1');
    const { Reservations } = await backup.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }],
      }),
    );
    const instances = (Reservations ?? []).flatMap((r) => r.Instances ?? []);
    return Promise.all(
      instances.map(async (i) => {
        const { Volumes } = await backup.send(
          new DescribeVolumesCommand({
            Filters: [{ Name: 'attachment.instance-id', Values: [i.InstanceId ?? ''] }],
          }),
        );
        return {
          state: i.State?.Name,
          volumes: (Volumes ?? []).map((v) => [v.Encrypted, v.KmsKeyId]),
        };
      }),
    );
  }

  for (const cli of CLIS) {
    describe(cli.name, () => {
      const fresh = useWorkflows();
      it(
        'gives the same launch permission, key statement and copy on the target’s key as the engine',
        { timeout: 300_000 },
        async () => {
          if (!(await cliAvailable(cli.bin))) {
            console.log(`skipping ${cli.name}: not installed`);
            return;
          }
          fresh.setCopyDuration(0);
          const engine = fresh.engine();
          const byEngine = await engine.preview(amiRequest);
          expect((await engine.start(byEngine, recordRun())).status).toBe('done');
          const expected = await amiShareState(fresh, byEngine.runId);
          expect(expected).toMatchObject({
            launchableBy: [{ UserId: '222222222222' }],
            copies: [{ state: 'available', owner: '222222222222', devices: 2 }],
            disks: [
              [true, DR_BACKUPS_EAST],
              [true, DR_BACKUPS_EAST],
            ],
          });
          expect(expected.added).toHaveLength(1);
          await engine.undo(byEngine.runId, true, recordRun());

          const byScript = await engine.preview(amiRequest);
          const { script } = await engine.runbook(byScript);
          const output = await runScript(cli, byScript.runId, script, fresh);
          expect(output).toContain('Step 3 of 3');
          expect(await amiShareState(fresh, byScript.runId)).toEqual(expected);
        },
      );
      it(
        'launches, as the engine does, a running instance whose volumes are on the target’s key',
        { timeout: 300_000 },
        async () => {
          if (!(await cliAvailable(cli.bin))) return;
          fresh.setCopyDuration(0);
          const launch = { ...amiRequest, then: 'launch' as const, instanceType: 't3.micro' };
          const engine = fresh.engine();
          const byEngine = await engine.preview(launch);
          expect((await engine.start(byEngine, recordRun())).status).toBe('done');
          const expected = await launchState(fresh, byEngine.runId);
          expect(expected).toEqual([
            {
              state: 'running',
              volumes: [
                [true, DR_BACKUPS_EAST],
                [true, DR_BACKUPS_EAST],
              ],
            },
          ]);
          await engine.undo(byEngine.runId, true, recordRun());

          const byScript = await engine.preview(launch);
          const { script } = await engine.runbook(byScript);
          expect(script).toContain('aws ec2 wait instance-running');
          await runScript(cli, byScript.runId, script, fresh);
          expect(await launchState(fresh, byScript.runId)).toEqual(expected);
        },
      );
    });
  }
});
