import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from './credentials/keychain-secret-store';
import { silentLogger } from './log/logger';
import { createProfileService, type ProfileService } from './profiles/profile-service';
import { createProfileStore } from './profiles/profile-store';
import { createSandboxUserKey } from './profiles/testing/sandbox-user';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './sandbox/embedded-sandbox';

// The credential_process entry, end to end: secret in the real OS keychain, read by
// `keyward credentials`, handed to the AWS CLI, which calls the sandbox with it.
const root = resolve(import.meta.dirname, '..');
const launcher = join(root, 'bin', 'keyward.mjs');
/** The AWS CLIs on this machine: pip's v1 on PATH and Debian's v2, where installed. */
const awsClis = ['aws', '/usr/bin/aws'].filter(
  (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
);
/** Every `credential_process = …` command the README tells users to put in ~/.aws/config. */
const documentedForms = [
  ...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^credential_process = (.+)$/gm),
].map((match) => match[1] ?? '');
let dir: string;
let sandbox: EmbeddedSandbox;
let profiles: ProfileService;
let profileId: string;
let endpoint: string;

function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith('AWS_')) env[name] = value;
  return { ...env, ...extra };
}

beforeAll(async () => {
  if (process.platform === 'linux' && process.env.KEYWARD_KEYRING_READY !== '1') {
    throw new Error(
      'Needs a Secret Service: run with `npm run test:unit` (scripts/with-keyring.mjs).',
    );
  }
  dir = await mkdtemp(join(tmpdir(), 'keyward-cli-'));
  sandbox = startEmbeddedSandbox(join(dir, 'aws'), silentLogger);
  const running = await sandbox.ready;
  endpoint = running!.endpoint;
  profiles = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets: createKeychainSecretStore(),
    sandbox,
  });
  const key = await createSandboxUserKey(profiles, 'cli-alice');
  const added = await profiles.addAccessKey({
    name: 'cli-alice',
    target: 'sandbox',
    defaultRegion: 'us-east-1',
    accessKeyId: key.id,
    secretAccessKey: key.secret,
    saveUnverified: false,
  });
  profileId = added.id;
});

afterAll(async () => {
  await profiles.remove(profileId);
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `keyward credentials` through the launcher, from a folder that is not the checkout. */
function runLauncher(profile: string) {
  return spawnSync(
    process.execPath,
    [launcher, 'credentials', '--profile', profile, '--data-dir', dir],
    { encoding: 'utf8', cwd: tmpdir() },
  );
}

describe('keyward credentials (credential_process)', () => {
  it('prints the Version 1 JSON with the keychain-held key, and nothing else, on stdout', () => {
    const run = runLauncher('cli-alice');
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^AKIA/) });
    expect(Object.keys(output).sort()).toEqual(['AccessKeyId', 'SecretAccessKey', 'Version']);
  });

  it('prints only the JSON through `npm run --silent` too', { timeout: 60_000 }, () => {
    const run = spawnSync(
      'npm',
      [
        '--prefix',
        root,
        'run',
        '--silent',
        'keyward',
        '--',
        'credentials',
        '--profile',
        'cli-alice',
      ],
      { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, KEYWARD_DATA_DIR: dir } },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1 });
  });

  it('is shown in the README in at least one form', () => {
    expect(documentedForms.length).toBeGreaterThan(0);
  });

  it
    .skipIf(awsClis.length === 0)
    .each(awsClis.flatMap((cli) => documentedForms.map((form) => [cli, form] as const)))(
    'works for %s as credential_process = %s',
    { timeout: 60_000 },
    async (cli, form) => {
      const command = `${form
        .replaceAll('/path/to/keyward', root)
        .replace(/--profile \S+/, '--profile cli-alice')} --data-dir ${dir}`;
      const config = join(dir, 'aws-config');
      await writeFile(
        config,
        `[profile kw]\nregion = us-east-1\ncredential_process = ${command}\n`,
      );
      // Asynchronous: the sandbox answering the CLI runs in this process's event loop.
      const run = await promisify(execFile)(
        cli,
        [
          '--profile',
          'kw',
          '--endpoint-url',
          endpoint,
          'sts',
          'get-caller-identity',
          '--output',
          'json',
        ],
        {
          encoding: 'utf8',
          cwd: tmpdir(),
          env: cliEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') }),
        },
      );
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({
        Account: '111111111111',
        Arn: 'arn:aws:iam::111111111111:user/cli-alice',
      });
    },
  );

  it('says clearly when the profile does not exist', () => {
    const run = runLauncher('nobody');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no profile named "nobody"');
  });
});
