import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_OPERATOR_ARN, BACKUP_OPERATOR_EXTERNAL_ID } from './seed/demo-world';
import { startTestSandbox, type TestSandbox } from './testing/test-sandbox';
import type { CloudTrailRecord } from './trail/types';

const open: TestSandbox[] = [];
async function sandbox(options: Parameters<typeof startTestSandbox>[0] = {}): Promise<TestSandbox> {
  const t = await startTestSandbox(options);
  open.push(t);
  return t;
}
afterEach(async () => {
  for (const t of open.splice(0)) await t.stop();
});

async function errorOf(
  p: Promise<unknown>,
): Promise<{ name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string };
  }
  throw new Error('expected the call to fail');
}

describe('start()', () => {
  it('binds loopback and writes the credential and config files', async () => {
    const t = await sandbox();
    expect(t.sandbox.endpoint).toBe(`http://127.0.0.1:${t.sandbox.port}`);
    expect(t.sandbox.accounts.map((a) => [a.name, a.id])).toEqual([
      ['prod', '111111111111'],
      ['backup', '222222222222'],
      ['partner', '333333333333'],
    ]);
    const creds = readFileSync(t.sandbox.credentialsFile, 'utf8');
    for (const p of ['prod', 'backup', 'partner', 'prod-developer'])
      expect(creds).toContain(`[${p}]`);
    expect(creds).toMatch(/aws_access_key_id = AKIASANDBOX[A-Z2-7]{9}\n/);
    const config = readFileSync(t.sandbox.configFile, 'utf8');
    expect(config).toContain('[profile prod-developer]\nregion = us-east-1');
  });

  it('keeps state across a restart on the same data dir and wipes it with reset', async () => {
    const first = await sandbox();
    const keyBefore = first.credentials('prod');
    await new IAMClient(first.client('prod')).send(
      new CreateUserCommand({ UserName: 'persisted' }),
    );
    await first.sandbox.stop();

    const second = await sandbox({ dataDir: first.dataDir });
    expect(second.credentials('prod')).toEqual(keyBefore);
    const user = await new IAMClient(second.client('prod')).send(
      new GetUserCommand({ UserName: 'persisted' }),
    );
    expect(user.User?.UserName).toBe('persisted');
    await second.sandbox.stop();

    const third = await sandbox({ dataDir: first.dataDir, reset: true });
    expect(third.credentials('prod').accessKeyId).not.toBe(keyBefore.accessKeyId);
    const e = await errorOf(
      new IAMClient(third.client('prod')).send(new GetUserCommand({ UserName: 'persisted' })),
    );
    expect(e.name).toBe('NoSuchEntityException');
  });

  it.skipIf(process.platform === 'win32')(
    'takes group and other access off a data dir an older sandbox left 0755 with 0644 files',
    async () => {
      const first = await sandbox();
      await first.sandbox.stop();
      const dir = first.dataDir;
      const entries = ['.', ...readdirSync(dir)];
      for (const name of entries) {
        const path = join(dir, name);
        chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
      }
      await sandbox({ dataDir: dir });
      const loose = entries
        .map((name) => [name, statSync(join(dir, name)).mode & 0o777] as const)
        .filter(([name, mode]) => mode !== (name === '.' ? 0o700 : 0o600));
      expect(loose).toEqual([]);
    },
  );
});

describe('CloudTrail recording', () => {
  it('records successes and failures, in both accounts for a cross-account AssumeRole', async () => {
    const t = await sandbox();
    const { trail } = t.sandbox.runtime;
    // The seeded history holds older AssumeRole events: look at this test's calls only.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    await new STSClient(t.client('prod')).send(
      new AssumeRoleCommand({
        RoleArn: BACKUP_OPERATOR_ARN,
        RoleSessionName: 'audit-me',
        ExternalId: BACKUP_OPERATOR_EXTERNAL_ID,
      }),
    );
    await errorOf(
      new IAMClient(t.client('prod-developer')).send(new CreateUserCommand({ UserName: 'nope' })),
    );

    const inBackup = trail.query({
      account: '222222222222',
      region: 'us-east-1',
      attribute: { key: 'EventName', value: 'AssumeRole' },
      start,
      limit: 5,
    });
    expect(inBackup.events).toHaveLength(1);
    const record = JSON.parse(inBackup.events[0]?.CloudTrailEvent ?? '{}') as CloudTrailRecord;
    expect(record).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      recipientAccountId: '222222222222',
      eventType: 'AwsApiCall',
      readOnly: true,
      userIdentity: { type: 'IAMUser', userName: 'admin', accountId: '111111111111' },
      requestParameters: {
        roleArn: BACKUP_OPERATOR_ARN,
        roleSessionName: 'audit-me',
        externalId: BACKUP_OPERATOR_EXTERNAL_ID,
      },
      resources: [{ type: 'AWS::IAM::Role', ARN: BACKUP_OPERATOR_ARN, accountId: '222222222222' }],
    });
    expect(JSON.stringify(record)).not.toContain('secretAccessKey');
    expect(
      trail.query({
        account: '111111111111',
        region: 'us-east-1',
        attribute: { key: 'EventName', value: 'AssumeRole' },
        start,
        limit: 5,
      }).events,
    ).toHaveLength(1);

    const denied = trail.query({
      account: '111111111111',
      region: 'us-east-1',
      attribute: { key: 'Username', value: 'prod-developer' },
      limit: 5,
    });
    const deniedRecord = JSON.parse(denied.events[0]?.CloudTrailEvent ?? '{}') as CloudTrailRecord;
    expect(deniedRecord).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      errorCode: 'AccessDenied',
      responseElements: null,
    });
    expect(denied.events[0]?.ReadOnly).toBe('false');
  });
});

describe('faults and the admin routes', () => {
  it("throttles with the service's own code when started with throttle=1", async () => {
    const t = await sandbox({ faults: 'throttle=1,service=sts' });
    const e = await errorOf(new STSClient(t.client('prod')).send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('Throttling');
    expect(await new IAMClient(t.client('prod')).send(new GetUserCommand({}))).toBeTruthy();
  });

  it('changes faults at runtime only with the admin token', async () => {
    const t = await sandbox();
    const url = `${t.sandbox.endpoint}/__sandbox/faults`;
    const post = (body: unknown, token?: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await post({ spec: 'error5xx=1' })).status).toBe(401);
    expect((await post({ spec: 'error5xx=1' }, 'wrong')).status).toBe(401);
    expect((await post({ spec: 'bogus=1' }, t.sandbox.adminToken)).status).toBe(400);
    const ok = await post({ spec: 'error5xx=1' }, t.sandbox.adminToken);
    expect(await ok.json()).toEqual({ spec: 'error5xx=1' });
    const e = await errorOf(new STSClient(t.client('prod')).send(new GetCallerIdentityCommand({})));
    expect([e.name, e.$metadata?.httpStatusCode]).toEqual(['InternalFailure', 500]);
    await post({ clear: true }, t.sandbox.adminToken);
    expect(
      (await new STSClient(t.client('prod')).send(new GetCallerIdentityCommand({}))).Account,
    ).toBe('111111111111');

    const health = await fetch(`${t.sandbox.endpoint}/__sandbox/health`);
    expect(await health.json()).toMatchObject({
      ok: true,
      services: expect.arrayContaining(['sts', 'iam', 'cloudtrail']),
    });
  });

  it('drops the connection for reset=1', async () => {
    const t = await sandbox({ faults: 'reset=1' });
    const e = await errorOf(new STSClient(t.client('prod')).send(new GetCallerIdentityCommand({})));
    expect(e.name).toMatch(/ECONNRESET|socket hang up|Error/);
  });
});
