import { describe, expect, it } from 'vitest';
import { awsCliFor } from '../../testing/aws-cli';
import { startTestSandbox } from '../../testing/test-sandbox';

describe('AWS CLI', () => {
  it('iam attach-role-policy and list-attached-role-policies', { timeout: 60_000 }, async () => {
    const t = await startTestSandbox();
    try {
      const cli = await awsCliFor(t);
      if (!cli) {
        console.log('skipping: aws CLI not available');
        return;
      }
      const aws = (...args: string[]) => cli(['--profile', 'backup', '--output', 'json', ...args]);
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
