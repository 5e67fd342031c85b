import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_STORE_NAME } from './credentials/credential-stores';
import { createFileSecretStore } from './credentials/file-secret-store';
import { silentLogger } from './log/logger';
import { createProfileStore } from './profiles/profile-store';
import { createSettingsStore } from './settings/settings-store';

// `keyward credentials` on a host without an OS keychain: the profile's key is in the encrypted
// file store, and the passphrase comes from the environment or the terminal, never from stdin,
// with nothing but the credential_process JSON on stdout.
const root = resolve(import.meta.dirname, '..');
const launcher = join(root, 'bin', 'keyward.mjs');
const passphrase = 'correct horse battery staple';
const keys = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const has = (binary: string) =>
  spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;

let dir: string;

/** The environment of the CLI: no passphrase and no AWS settings unless a test adds them. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_') && name !== 'KEYWARD_FILE_STORE_PASSPHRASE') env[name] = value;
  }
  // No Secret Service either: the file store must not need one.
  return { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyward-bus', ...extra };
}

const args = () => [launcher, 'credentials', '--profile', 'cli-bob', '--data-dir', dir];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-cli-file-'));
  await createSettingsStore(dir, silentLogger).update({ secretStore: 'file' });
  // A cheaper scrypt than the app writes, read back from the file's own header.
  const file = createFileSecretStore({
    path: join(dir, FILE_STORE_NAME),
    kdfCost: { N: 2 ** 14, r: 8, p: 1 },
  });
  await file.create(passphrase);
  const now = new Date().toISOString();
  await createProfileStore(dir, silentLogger).put({
    id: 'p-bob',
    name: 'cli-bob',
    kind: 'access-key',
    target: 'aws',
    defaultRegion: 'us-east-1',
    accessKeyHint: 'AKIA…MPLE',
    mfaSerial: null,
    createdAt: now,
    identity: null,
    lastCheck: null,
  });
  await file.set('p-bob', JSON.stringify(keys));
  file.lock();
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('keyward credentials with the encrypted file store', () => {
  it('reads the passphrase from KEYWARD_FILE_STORE_PASSPHRASE and prints only the JSON', () => {
    const run = spawnSync(process.execPath, args(), {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: cliEnv({ KEYWARD_FILE_STORE_PASSPHRASE: passphrase }),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({
      Version: 1,
      AccessKeyId: keys.accessKeyId,
      SecretAccessKey: keys.secretAccessKey,
    });
  });

  it('says so when the passphrase in the environment is wrong, and prints nothing', () => {
    const run = spawnSync(process.execPath, args(), {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: cliEnv({ KEYWARD_FILE_STORE_PASSPHRASE: 'not the passphrase' }),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('KEYWARD_FILE_STORE_PASSPHRASE does not open');
    expect(run.stderr).not.toContain('not the passphrase');
  });

  it.skipIf(!has('setsid'))(
    'says where the passphrase can come from when there is no terminal to ask on',
    () => {
      // setsid: a new session, so /dev/tty cannot be opened, as under a service or CI.
      const run = spawnSync('setsid', ['-w', process.execPath, ...args()], {
        encoding: 'utf8',
        cwd: tmpdir(),
        env: cliEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/encrypted credential file .* needs its passphrase/);
      expect(run.stderr).toContain('set KEYWARD_FILE_STORE_PASSPHRASE');
    },
  );

  it.skipIf(!has('script') || process.platform !== 'linux')(
    'asks on the terminal with echo off while stdout stays only the JSON',
    { timeout: 30_000 },
    async () => {
      const out = join(dir, 'stdout.json');
      const command = `${[process.execPath, ...args()].map((part) => `'${part}'`).join(' ')} > '${out}'`;
      // script(1) gives the CLI a terminal; the test types on it once the prompt shows.
      const child = spawn('script', ['-qfec', command, '/dev/null'], {
        cwd: tmpdir(),
        env: cliEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      let typed = false;
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString();
        if (!typed && screen.includes('passphrase: ')) {
          typed = true;
          child.stdin.write(`${passphrase}\r`);
        }
      });
      const status = await new Promise<number | null>((done) => child.once('exit', done));
      expect(screen).toContain('Keyward credential file passphrase: ');
      expect(screen).not.toContain(passphrase); // not echoed
      expect(status).toBe(0);
      const printed = await readFile(out, 'utf8');
      expect(printed.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(printed)).toMatchObject({ Version: 1, AccessKeyId: keys.accessKeyId });
    },
  );
});
