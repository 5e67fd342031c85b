import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScanSchema } from '../../../src-shared/models/profile-import';
import { removeKeysFromFileInput } from '../../../src-shared/schemas/profile-import-input';
import { createKeychainSecretStore } from '../../credentials/keychain-secret-store';
import type { SecretStore } from '../../credentials/secret-store';
import { silentLogger } from '../../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded-sandbox';
import { createProfileService, type ProfileService } from '../profile-service';
import { createProfileStore } from '../profile-store';
import {
  EXAMPLE_ID,
  EXAMPLE_SECRET,
  fixtureConfig,
  fixtureCredentials,
  TEMP_SECRET,
} from './aws-files.fixture';
import { importOrder } from './import-order';
import { createProfileImporter, type ProfileImporter } from './profile-importer';

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
let secrets: SecretStore;
let importer: ProfileImporter;
/** The sandbox prod administrator's key: a real key the sandbox's STS accepts. */
let devKey: { id: string; secret: string };
let credentialsText: string;
const saved = {
  config: process.env.AWS_CONFIG_FILE,
  credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
};

const credentialsPath = () => join(dir, 'aws', 'credentials');
const configPath = () => join(dir, 'aws', 'config');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-import-'));
  sandbox = startEmbeddedSandbox(join(dir, 'data'), silentLogger);
  await sandbox.ready;
  secrets = createKeychainSecretStore('keyward-import-test');
  service = createProfileService({
    store: createProfileStore(join(dir, 'data'), silentLogger),
    secrets,
    sandbox,
  });
  const credentials = await service.resolver.credentials('sandbox:prod');
  devKey = { id: credentials.accessKeyId, secret: credentials.secretAccessKey };
  await writeFile(join(dir, 'helper.mjs'), 'process.exit(3);\n');
  credentialsText = fixtureCredentials(devKey);
  await mkdir(join(dir, 'aws'));
  await writeFile(credentialsPath(), credentialsText, { mode: 0o600 });
  await writeFile(configPath(), fixtureConfig(join(dir, 'helper.mjs')));
  // addSharedConfig resolves through the SDK, which reads the process environment.
  process.env.AWS_CONFIG_FILE = configPath();
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsPath();
  importer = createProfileImporter({
    profiles: service,
    env: { AWS_CONFIG_FILE: configPath(), AWS_SHARED_CREDENTIALS_FILE: credentialsPath() },
    now: () => new Date('2026-11-28T21:30:00.000Z'),
  });
});

afterAll(async () => {
  for (const profile of await service.list()) {
    if (profile.removable && profile.kind === 'assume-role') await service.remove(profile.id);
  }
  for (const profile of await service.list())
    if (profile.removable) await service.remove(profile.id);
  if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
  else process.env.AWS_CONFIG_FILE = saved.config;
  if (saved.credentials === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
  else process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Everything a user must never see outside the keychain. */
function expectNoSecret(output: unknown) {
  const text = JSON.stringify(output);
  for (const secret of [devKey.secret, devKey.id, EXAMPLE_SECRET, EXAMPLE_ID, TEMP_SECRET])
    expect(text.includes(secret), 'a secret or a full key id in the output').toBe(false);
  expect(text).not.toContain('IQoJb3JpZ2luX2VjEXAMPLETOKEN');
}

describe('scanning ~/.aws', () => {
  it('lists every profile with the kind it would become, its problems, and no secret', async () => {
    const scan = await importer.scan();
    expectNoSecret(scan);
    // What crosses to the page fits the contract, even with absurd values in the file.
    expect(importScanSchema.safeParse(scan).success).toBe(true);
    expect(scan.entries.find((entry) => entry.name === 'garbage')!.problems.join(' ')).toContain(
      'sso_account_id is not valid',
    );
    expect(scan.files.config).toMatchObject({ path: configPath(), exists: true });
    expect(scan.files.credentials.sha256).toMatch(/^[0-9a-f]{64}$/);
    const byName = new Map(scan.entries.map((entry) => [entry.name, entry]));
    expect(byName.get('dev')).toMatchObject({
      kind: 'access-key',
      sources: ['config', 'credentials'],
      region: 'us-east-1',
      accessKeyHint: `${devKey.id.slice(0, 4)}…${devKey.id.slice(-4)}`,
      keysInCredentialsFile: true,
      importable: true,
      problems: [],
    });
    expect(byName.get('backup-role')).toMatchObject({
      kind: 'assume-role',
      sourceProfile: 'dev',
      roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
      importable: true,
    });
    expect(byName.get('break-glass')).toMatchObject({
      kind: 'assume-role',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/admin',
      region: 'us-west-2',
    });
    expect(byName.get('sso-dev')).toMatchObject({
      kind: 'sso',
      sso: {
        startUrl: 'https://corp.awsapps.com/start',
        ssoRegion: 'eu-central-1',
        accountId: '111111111111',
        roleName: 'KmsAdmin',
        session: 'corp',
      },
      importable: true,
    });
    expect(byName.get('sso-legacy')).toMatchObject({
      kind: 'sso',
      sso: { startUrl: 'https://legacy.awsapps.com/start', session: null },
      importable: true,
    });
    expect(byName.get('vault')).toMatchObject({ kind: 'shared-config', importable: true });
    expect(byName.get('vault')!.notes.join(' ')).toContain('credential_process');
    const temporary = byName.get('temporary')!;
    expect(temporary).toMatchObject({ kind: 'shared-config', keysInCredentialsFile: false });
    expect(temporary.notes.join(' ')).toContain('aws_session_token');
    expect(byName.get('orphan-role')).toMatchObject({ importable: false });
    expect(byName.get('orphan-role')!.problems.join(' ')).toContain('“nowhere” is not in');
    expect(byName.get('broken-sso')!.problems.join(' ')).toContain('[sso-session missing]');
    expect(byName.get('half')!.problems.join(' ')).toContain('Only one of');
    expect(byName.get('default')!.problems.join(' ')).toContain('No credentials');
  });

  it('reports missing files without failing', async () => {
    const empty = createProfileImporter({
      profiles: service,
      env: { HOME: join(dir, 'nobody') },
    });
    const scan = await empty.scan();
    expect(scan.files.config).toEqual({
      path: join(dir, 'nobody', '.aws', 'config'),
      exists: false,
      sha256: null,
    });
    expect(scan.entries).toEqual([]);
  });
});

describe('importing', () => {
  it('orders sources before the roles assumed with them', () => {
    const sources: Record<string, string> = { a: 'b', b: 'c' };
    expect(importOrder(['a', 'x', 'b', 'c'], (name) => sources[name])).toEqual([
      'c',
      'b',
      'a',
      'x',
    ]);
    expect(importOrder(['a'], (name) => sources[name])).toEqual(['a']);
  });

  it('imports the static key into the keychain before the roles that use it', async () => {
    const { results } = await importer.import({
      names: ['backup-role', 'break-glass', 'dev'],
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    });
    expectNoSecret(results);
    expect(results.map((result) => result.name)).toEqual(['dev', 'backup-role', 'break-glass']);
    const [dev, role, mfaRole] = results;
    expect(dev).toMatchObject({
      error: null,
      profile: { kind: 'access-key', status: 'verified', accountId: '111111111111' },
    });
    expect(JSON.parse((await secrets.get(dev!.profile!.id))!)).toEqual({
      accessKeyId: devKey.id,
      secretAccessKey: devKey.secret,
    });
    expect(role).toMatchObject({
      error: null,
      profile: {
        kind: 'assume-role',
        status: 'verified',
        sourceProfileId: dev!.profile!.id,
        arn: expect.stringContaining('assumed-role/BackupOperator/') as string,
      },
    });
    // An MFA role is saved unchecked: its first session asks for the code.
    expect(mfaRole).toMatchObject({
      error: null,
      profile: {
        kind: 'assume-role',
        status: 'unverified',
        needsMfa: true,
        defaultRegion: 'us-west-2',
      },
    });
  });

  it('imports SSO, credential_process and temporary-key profiles to their kinds', async () => {
    const { results } = await importer.import({
      names: ['sso-dev', 'sso-legacy', 'vault', 'temporary'],
      target: 'aws',
      defaultRegion: 'eu-west-1',
      saveUnverified: true,
    });
    expectNoSecret(results);
    const byName = new Map(results.map((result) => [result.name, result]));
    expect(byName.get('sso-dev')!.profile).toMatchObject({
      kind: 'sso',
      defaultRegion: 'eu-west-1',
      sso: { startUrl: 'https://corp.awsapps.com/start', accountId: '111111111111' },
    });
    expect(byName.get('sso-legacy')!.profile).toMatchObject({ kind: 'sso' });
    // Its helper exits 3, so the identity check fails and the profile is kept marked failed.
    expect(byName.get('vault')!.profile).toMatchObject({
      kind: 'shared-config',
      configProfile: 'vault',
      status: 'failed',
    });
    expect(byName.get('temporary')!.profile).toMatchObject({
      kind: 'shared-config',
      configProfile: 'temporary',
    });
  });

  it('maps a role to a source profile that exists only in Keyward', async () => {
    const before = (await importer.scan()).entries.find((entry) => entry.name === 'via-keyward');
    expect(before!.problems.join(' ')).toContain('“kw-admin” is not in your AWS files');
    await service.addAccessKey({
      name: 'kw-admin',
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      accessKeyId: devKey.id,
      secretAccessKey: devKey.secret,
      saveUnverified: false,
    });
    const entry = (await importer.scan()).entries.find((e) => e.name === 'via-keyward');
    expect(entry).toMatchObject({ importable: true, problems: [] });
    expect(entry!.notes.join(' ')).toContain('Keyward profile “kw-admin”');
    const { results } = await importer.import({
      names: ['via-keyward'],
      target: 'aws',
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    });
    // The role follows its source to the sandbox, and AssumeRole works there.
    expect(results[0]).toMatchObject({
      error: null,
      profile: { kind: 'assume-role', target: 'sandbox', status: 'verified' },
    });
  });

  it('refuses broken, unknown and already imported profiles with a reason each', async () => {
    const { results } = await importer.import({
      names: ['orphan-role', 'dev', 'not-there'],
      target: 'aws',
      defaultRegion: 'us-east-1',
      saveUnverified: true,
    });
    const byName = new Map(results.map((result) => [result.name, result]));
    expect(byName.get('orphan-role')!.error).toMatchObject({ code: 'validation' });
    expect(byName.get('orphan-role')!.error!.hint).toContain('“nowhere”');
    expect(byName.get('dev')!.error).toMatchObject({ code: 'conflict' });
    expect(byName.get('not-there')!.error).toMatchObject({ code: 'not-found' });
    const scan = await importer.scan();
    expect(scan.entries.find((entry) => entry.name === 'dev')).toMatchObject({
      alreadyImported: true,
      importable: false,
    });
  });
});

describe('removing imported keys from the credentials file', () => {
  it('needs an explicit confirmation', () => {
    const input = { names: ['dev'], sha256: 'a'.repeat(64) };
    expect(removeKeysFromFileInput.safeParse(input).success).toBe(false);
    expect(removeKeysFromFileInput.safeParse({ ...input, confirm: false }).success).toBe(false);
    expect(removeKeysFromFileInput.safeParse({ ...input, confirm: true }).success).toBe(true);
  });

  it('refuses when the file changed since the scan, and leaves it as it was', async () => {
    const { files } = await importer.scan();
    await writeFile(credentialsPath(), `${credentialsText}\n# edited elsewhere\n`);
    const error = await importer
      .removeKeysFromFile({ names: ['dev'], sha256: files.credentials.sha256!, confirm: true })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(await readFile(credentialsPath(), 'utf8')).toContain(devKey.secret);
    await writeFile(credentialsPath(), credentialsText, { mode: 0o600 });
  });

  it('refuses keys the keychain does not hold', async () => {
    const { files } = await importer.scan();
    const error = await importer
      .removeKeysFromFile({
        names: ['dev', 'static-example'],
        sha256: files.credentials.sha256!,
        confirm: true,
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-state' });
    expect((error as Error).message).toContain('static-example');
    expect(await readFile(credentialsPath(), 'utf8')).toBe(credentialsText);
  });

  it('backs the file up, removes only the imported keys, keeps comments and the mode 0600', async () => {
    const { files } = await importer.scan();
    const result = await importer.removeKeysFromFile({
      names: ['dev'],
      sha256: files.credentials.sha256!,
      confirm: true,
    });
    expectNoSecret(result);
    expect(result.backupPath).toBe(`${credentialsPath()}.keyward-backup-2026-11-28T21-30-00-000Z`);
    expect(await readFile(result.backupPath, 'utf8')).toBe(credentialsText);
    expect((await stat(result.backupPath)).mode & 0o777).toBe(0o600);
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600);

    const after = await readFile(credentialsPath(), 'utf8');
    expect(after).not.toContain(devKey.id);
    expect(after).not.toContain(devKey.secret);
    expect(after).toContain('# Work keys. Keep this comment.');
    expect(after).toContain('; a trailing comment in dev');
    expect(after).toContain('# Keyward moved this profile');
    // Every other line is still there, in order: only the two key lines of [dev] went.
    const removed = new Set([
      `aws_access_key_id = ${devKey.id}`,
      `aws_secret_access_key = ${devKey.secret}`,
    ]);
    expect(after.split('\n').filter((line) => !line.startsWith('# Keyward moved'))).toEqual(
      credentialsText.split('\n').filter((line) => !removed.has(line)),
    );
    // The imported profile keeps working from the keychain.
    const dev = (await service.list()).find((profile) => profile.name === 'dev')!;
    expect(await service.verify(dev.id)).toMatchObject({ status: 'verified' });
    // And the scan now sees no keys for dev in the file.
    const rescan = await importer.scan();
    expect(rescan.files.credentials.sha256).toBe(result.sha256);
    expect(rescan.entries.find((entry) => entry.name === 'dev')).toMatchObject({
      keysInCredentialsFile: false,
    });
  });
});
