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

  it('iam create-group, add-user-to-group and get-group', { timeout: 60_000 }, async () => {
    const t = await startTestSandbox();
    try {
      const cli = await awsCliFor(t);
      if (!cli) {
        console.log('skipping: aws CLI not available');
        return;
      }
      const aws = (...args: string[]) => cli(['--profile', 'prod', '--output', 'json', ...args]);
      const created = JSON.parse(await aws('iam', 'create-group', '--group-name', 'Readers')) as {
        Group: { GroupName: string; Arn: string };
      };
      expect(created.Group).toMatchObject({
        GroupName: 'Readers',
        Arn: 'arn:aws:iam::111111111111:group/Readers',
      });
      await aws('iam', 'create-user', '--user-name', 'cli-reader');
      await aws('iam', 'add-user-to-group', '--group-name', 'Readers', '--user-name', 'cli-reader');
      const got = JSON.parse(await aws('iam', 'get-group', '--group-name', 'Readers')) as {
        Users: { UserName: string }[];
      };
      expect(got.Users.map((u) => u.UserName)).toEqual(['cli-reader']);
    } finally {
      await t.stop();
    }
  });
});
