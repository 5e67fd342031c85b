import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import {
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { EC2_SANDBOX_SETTINGS, EC2_SETTINGS_ID } from '../../src-sandbox/services/ec2/model';
import { SANDBOX_SCOPE } from '../../src-sandbox/seed/seeder';
import { startTestSandbox, type TestSandbox } from '../../src-sandbox/testing/test-sandbox';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { chooseCopyToEuWest, SOURCE_SNAPSHOT, startCopy } from '../pages/copy-snapshot-wizard';

// Issue 13: the runbook wizard 1 exports (its Preview step's "Download .sh"), run as it is with
// the AWS CLI against a fresh sandbox, ends where the wizard's own run ends: the same copy
// (state, encryption, key, tags), the same sharing of the source and the same key policy.
// Copies complete at once in both sandboxes, so neither the run nor the CLI's waiter waits.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000, appEnv: { KEYWARD_SANDBOX_EC2_ASYNC_MS: '0' } });

const run = promisify(execFile);

/** /usr/bin/aws (v2), and the `aws` first on PATH when it is another install (pip's v1). */
async function clis(): Promise<{ bin: string; path: string }[]> {
  const found: { bin: string; path: string }[] = [];
  const path = process.env['PATH'] ?? '';
  if (existsSync('/usr/bin/aws')) found.push({ bin: '/usr/bin/aws', path: `/usr/bin:${path}` });
  const first = await run('bash', ['-c', 'command -v aws'], { env: { PATH: path } }).then(
    (r) => r.stdout.trim(),
    () => '',
  );
  if (first && first !== '/usr/bin/aws') found.push({ bin: first, path });
  return found;
}

interface AwsConfig {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** What a user compares after the job: the copy, who may use the source, the key's policy. */
async function endState(config: AwsConfig, runId: string) {
  const ec2 = new EC2Client({ ...config, region: 'eu-west-1' });
  const source = new EC2Client({ ...config, region: 'us-east-1' });
  const kms = new KMSClient({ ...config, region: 'eu-west-1' });
  try {
    const copies = await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'tag:keyward:run-id', Values: [runId] }],
      }),
    );
    const sharing = await source.send(
      new DescribeSnapshotAttributeCommand({
        SnapshotId: SOURCE_SNAPSHOT,
        Attribute: 'createVolumePermission',
      }),
    );
    // GetKeyPolicy takes no alias: the key the copy is encrypted with, by its ARN.
    const keyArn = copies.Snapshots?.[0]?.KmsKeyId ?? '';
    const policy = await kms.send(
      new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }),
    );
    return {
      copies: (copies.Snapshots ?? []).map((s) => ({
        state: s.State,
        encrypted: s.Encrypted,
        key: s.KmsKeyId,
        size: s.VolumeSize,
        tags: [...(s.Tags ?? [])].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? '')),
      })),
      sourceSharedWith: sharing.CreateVolumePermissions,
      keyPolicy: JSON.parse(policy.Policy ?? '{}') as unknown,
    };
  } finally {
    for (const client of [ec2, source, kms]) client.destroy();
  }
}

/** A new sandbox (its own data dir and port) whose copies complete at once. */
async function freshSandbox(): Promise<TestSandbox> {
  const t = await startTestSandbox();
  t.sandbox.runtime.store.write((tx) =>
    tx.put(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID, { asyncDurationMs: 0 }),
  );
  return t;
}

/**
 * Runs the script as a user would after pointing it at their own profiles: each profile variable
 * (`PROFILE="${PROFILE:-Sandbox · prod}"`) set to the fresh sandbox's profile of that account.
 */
async function runScript(file: string, cli: { path: string }, t: TestSandbox): Promise<string> {
  const script = await readFile(file, 'utf8');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  for (const m of script.matchAll(/^([A-Z_]*PROFILE[A-Z_]*)="\$\{\1:-Sandbox · (\w+)\}"$/gm)) {
    if (m[1] && m[2]) env[m[1]] = m[2];
  }
  Object.assign(env, {
    PATH: cli.path,
    AWS_ENDPOINT_URL: t.sandbox.endpoint,
    AWS_SHARED_CREDENTIALS_FILE: t.sandbox.credentialsFile,
    AWS_CONFIG_FILE: t.sandbox.configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  });
  return (await run('bash', [file], { env, timeout: 240_000 })).stdout;
}

test('the downloaded runbook, run with the AWS CLI against a fresh sandbox, ends where the wizard ends', async ({
  keyward,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'reads the browser-mode host’s sandbox');
  const { page } = keyward;
  await chooseCopyToEuWest(page);
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .sh' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^keyward-copy-snapshot-[a-z0-9-]+\.sh$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const runId = /^keyward-copy-snapshot-([a-z0-9-]+)\.sh$/.exec(download.suggestedFilename())?.[1];

  await startCopy(page);
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('copy-run-id')).toHaveText(runId ?? '');
  const { config } = await sandboxAdmin(keyward.host!, keyward.dataDir, 'prod');
  const byWizard = await endState(config, runId ?? '');
  expect(byWizard.copies).toHaveLength(1);
  expect(byWizard.copies[0]).toMatchObject({ state: 'completed', encrypted: true });

  const installed = await clis();
  expect(installed.length, 'an AWS CLI is installed').toBeGreaterThan(0);
  for (const cli of installed) {
    const t = await freshSandbox();
    try {
      const output = await runScript(file, cli, t);
      expect(output, cli.bin).toContain('Step 3 of 3');
      const byScript = await endState(
        { endpoint: t.sandbox.endpoint, credentials: t.credentials('prod') },
        runId ?? '',
      );
      expect(byScript, `${cli.bin} against a fresh sandbox`).toEqual(byWizard);
    } finally {
      await t.stop();
    }
  }
});
