import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BACKUP_SNAPSHOT_DB_NIGHTLY } from '../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const run = promisify(execFile);
const kit = useWorkflows();

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

describe('the exported script', () => {
  for (const cli of CLIS) {
    it(
      `${cli.name}: runs as it is against the sandbox and ends where the engine ends`,
      { timeout: 120_000 },
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
        const file = join(kit.dataDir, `${byScript.runId}.sh`);
        writeFileSync(file, script);
        const env: NodeJS.ProcessEnv = {};
        for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
        const { sandbox } = kit.sandbox.t;
        Object.assign(env, {
          PATH: cli.path,
          AWS_ENDPOINT_URL: sandbox.endpoint,
          AWS_SHARED_CREDENTIALS_FILE: sandbox.credentialsFile,
          AWS_CONFIG_FILE: sandbox.configFile,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PAGER: '',
        });
        const { stdout } = await run('bash', [file], { env, timeout: 100_000 });
        expect(stdout).toContain('Step 3 of 3');

        const expected = await endState(byEngine.runId);
        expect(expected).toHaveLength(1);
        expect(await endState(byScript.runId)).toEqual(expected);
      },
    );
  }
});
