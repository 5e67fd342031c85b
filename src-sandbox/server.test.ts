import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
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

interface RawOutcome {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** Errors the client saw on its socket, up to the close (a reset shows up here). */
  readonly socketErrors: readonly string[];
}

/**
 * Posts `body` with node:http and reads the reply even while the server is not reading the body,
 * then waits for the connection to close. `chunked`: no Content-Length, the body in 1 MiB chunks.
 */
function postRaw(
  t: TestSandbox,
  headers: Record<string, string>,
  body: Buffer,
  chunked = false,
): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const socketErrors: string[] = [];
    let reply: Omit<RawOutcome, 'socketErrors'> | undefined;
    const req = request(
      {
        host: '127.0.0.1',
        port: t.sandbox.port,
        method: 'POST',
        path: '/',
        headers: chunked ? headers : { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          reply = {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => socketErrors.push(e.code ?? e.message));
    req.on('close', () => {
      if (reply) resolve({ ...reply, socketErrors });
      else reject(new Error(`no reply before the connection closed: ${socketErrors.join(', ')}`));
    });
    const step = chunked ? 1024 * 1024 : body.length;
    for (let at = 0; at < body.length; at += step) req.write(body.subarray(at, at + step));
    req.end();
  });
}

describe('a request body over the 16 MiB limit', () => {
  const big = Buffer.alloc(17 * 1024 * 1024, 'a');
  const kmsHeaders = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'TrentService.Encrypt',
  };

  it('gets a 413 in the JSON error shape and a clean close, with or without Content-Length', async () => {
    const t = await sandbox();
    for (const chunked of [false, true]) {
      const reply = await postRaw(t, kmsHeaders, big, chunked);
      expect({ chunked, status: reply.status, errors: reply.socketErrors }).toEqual({
        chunked,
        status: 413,
        errors: [],
      });
      expect(reply.headers['connection']).toBe('close');
      expect(JSON.parse(reply.body)).toEqual({
        __type: 'RequestEntityTooLargeException',
        message: 'Request must be smaller than 16777216 bytes.',
      });
    }
  });

  it('gets a 413 in the XML error shape for a query service, and the sandbox serves on', async () => {
    const t = await sandbox();
    const scope = `${t.credentials('prod').accessKeyId}/20240115/us-east-1/sts/aws4_request`;
    const reply = await postRaw(
      t,
      {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host, Signature=00`,
        'x-amz-date': '20240115T093000Z',
      },
      big,
    );
    expect([reply.status, reply.socketErrors]).toEqual([413, []]);
    expect(reply.body).toContain('<Code>RequestEntityTooLarge</Code>');
    const me = await new STSClient(t.client('prod')).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('111111111111');
  });
});
