import {
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import { readCredentialsFile } from './seed/credentials-file';
import { awsCliFor } from './testing/aws-cli';
import { startTestSandbox } from './testing/test-sandbox';

const ROOT = resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
  dirs.push(d);
  return d;
}

/** Starts `src-sandbox/cli.ts` in one Node process (so SIGKILL really kills the server). */
function startCli(
  dataDir: string,
): Promise<{ child: ChildProcess; endpoint: string; output: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-sandbox/cli.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`cli did not start: ${output.join('')}`)),
      30_000,
    );
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      output.push(d.toString());
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output.join(''));
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise({ child, endpoint: m[1], output });
      }
    });
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${output.join('')}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}

describe('cli arguments', () => {
  it('parses the documented flags', () => {
    expect(
      parseCliArgs([
        '--port',
        '4566',
        '--data-dir',
        '/d',
        '--reset',
        '--faults',
        'throttle=0.1',
        '--scale',
        '3',
      ]),
    ).toEqual({
      port: 4566,
      dataDir: '/d',
      reset: true,
      faults: 'throttle=0.1',
      scale: 3,
    });
    expect(() => parseCliArgs(['--port', 'x', '--data-dir', '/d'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '1'])).toThrow(/--data-dir/);
    expect(parseCliArgs(['--data-dir', '/d', '--kms-quotas', 'off']).kmsQuotas).toBe('off');
    expect(() => parseCliArgs(['--data-dir', '/d', '--kms-quotas', 'maybe'])).toThrow(
      /--kms-quotas/,
    );
  });
});

/** An IAM client of the data dir's prod profile, for a server at `endpoint`. */
function prodIam(dataDir: string): (endpoint: string) => IAMClient {
  const creds = readCredentialsFile(readFileSync(join(dataDir, 'aws-credentials'), 'utf8'))['prod'];
  if (!creds) throw new Error('no prod profile');
  return (endpoint) =>
    new IAMClient({ endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
}

describe('standalone sandbox', () => {
  it(
    'survives kill -9: a user created before the crash is there after a restart',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const first = await startCli(dataDir);
      const client = prodIam(dataDir);
      await client(first.endpoint).send(new CreateUserCommand({ UserName: 'crash-survivor' }));
      expect(first.output.join('')).toMatch(/\nadmin token: \S+\ncredentials: .*aws-credentials\n/);
      first.child.kill('SIGKILL');
      await exited(first.child);

      const second = await startCli(dataDir);
      try {
        const user = await client(second.endpoint).send(
          new GetUserCommand({ UserName: 'crash-survivor' }),
        );
        expect(user.User?.Arn).toBe('arn:aws:iam::111111111111:user/crash-survivor');
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
      expect(second.child.exitCode).toBe(0);
    },
  );

  it(
    'survives kill -9 in the middle of 40 parallel writes: every acknowledged call is kept',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const first = await startCli(dataDir);
      const client = prodIam(dataDir);
      const iam = client(first.endpoint);
      const acknowledged: string[] = [];
      let next = 0;
      let killed = false;
      const writer = async (): Promise<void> => {
        while (!killed) {
          const name = `parallel-${next++}`;
          try {
            await iam.send(new CreateUserCommand({ UserName: name }));
            acknowledged.push(name);
            if (acknowledged.length >= 120 && !killed) {
              killed = true;
              first.child.kill('SIGKILL'); // 39 other calls are in flight now
            }
          } catch {
            return; // the connection died with the server
          }
        }
      };
      await Promise.all(Array.from({ length: 40 }, writer));
      await exited(first.child);

      const second = await startCli(dataDir);
      try {
        const kept = new Set<string>();
        for await (const page of paginateListUsers({ client: client(second.endpoint) }, {})) {
          for (const u of page.Users ?? []) kept.add(u.UserName ?? '');
        }
        expect(acknowledged.filter((name) => !kept.has(name))).toEqual([]);
        expect(acknowledged.length).toBeGreaterThanOrEqual(120);
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
    },
  );
});

const CLIS = [
  { name: 'aws (PATH)', bin: 'aws' },
  { name: '/usr/bin/aws', bin: '/usr/bin/aws' },
];

describe('AWS CLI', () => {
  for (const cli of CLIS) {
    it(`${cli.name}: sts get-caller-identity and iam list-users`, { timeout: 60_000 }, async () => {
      const t = await startTestSandbox();
      try {
        const missing = cli.bin.startsWith('/') && !existsSync(cli.bin);
        const run = missing ? undefined : await awsCliFor(t, cli.bin);
        if (!run) {
          console.log(`skipping ${cli.name}: binary not available`);
          return;
        }
        const aws = async (...args: string[]) =>
          JSON.parse(await run(['--profile', 'prod', '--output', 'json', ...args])) as Record<
            string,
            unknown
          >;
        expect(await aws('sts', 'get-caller-identity')).toMatchObject({
          Account: '111111111111',
          Arn: 'arn:aws:iam::111111111111:user/admin',
        });
        const users = (await aws('iam', 'list-users')).Users as { UserName: string }[];
        expect(users.map((u) => u.UserName)).toEqual(['admin', 'prod-developer']);
      } finally {
        await t.stop();
      }
    });
  }
});
