import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../../testing/test-sandbox';

const run = promisify(execFile);

describe('AWS CLI', () => {
  it('iam attach-role-policy and list-attached-role-policies', { timeout: 60_000 }, async () => {
    try {
      await run('aws', ['--version'], { timeout: 20_000 });
    } catch {
      console.log('skipping: aws CLI not available');
      return;
    }
    const t = await startTestSandbox();
    try {
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
      Object.assign(env, {
        AWS_SHARED_CREDENTIALS_FILE: t.sandbox.credentialsFile,
        AWS_CONFIG_FILE: t.sandbox.configFile,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      });
      const base = [
        '--profile',
        'backup',
        '--endpoint-url',
        t.sandbox.endpoint,
        '--output',
        'json',
      ];
      const aws = async (...args: string[]) =>
        (await run('aws', [...base, ...args], { env, timeout: 30_000 })).stdout;
      const list = async () =>
        JSON.parse(
          await aws('iam', 'list-attached-role-policies', '--role-name', 'BackupOperator'),
        ) as { AttachedPolicies: { PolicyName: string; PolicyArn: string }[] };

      expect((await list()).AttachedPolicies).toEqual([]);
      const arn = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
      await aws('iam', 'attach-role-policy', '--role-name', 'BackupOperator', '--policy-arn', arn);
      expect((await list()).AttachedPolicies).toEqual([
        { PolicyName: 'IAMReadOnlyAccess', PolicyArn: arn },
      ]);
    } finally {
      await t.stop();
    }
  });
});
