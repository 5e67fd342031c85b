import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';
import { createSandboxUserKey } from './testing/sandbox-user';

const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
const saved = {
  config: process.env.AWS_CONFIG_FILE,
  credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-shared-config-'));
  sandbox = startEmbeddedSandbox(join(dir, 'aws'), silentLogger);
  await sandbox.ready;
  service = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets: noSecrets,
    sandbox,
  });
  const key = await createSandboxUserKey(service, 'vault-user');
  const json = JSON.stringify({
    Version: 1,
    AccessKeyId: key.id,
    SecretAccessKey: key.secret,
  });
  // What aws-vault or Granted put in ~/.aws/config: a credential_process Keyward never sees into.
  await writeFile(join(dir, 'helper.mjs'), `process.stdout.write(${JSON.stringify(json)});\n`);
  await writeFile(
    join(dir, 'config'),
    `[profile vault]\nregion = us-east-1\ncredential_process = ${process.execPath} ${join(dir, 'helper.mjs')}\n\n[profile broken]\ncredential_process = ${process.execPath} -e "process.exit(3)"\n`,
  );
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials');
});

afterAll(async () => {
  if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
  else process.env.AWS_CONFIG_FILE = saved.config;
  if (saved.credentials === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
  else process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('shared-config profiles', () => {
  it('resolves a credential_process profile from the AWS config file and names its identity', async () => {
    const added = await service.addSharedConfig({
      name: 'vault',
      configProfile: 'vault',
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    });
    expect(added).toMatchObject({
      kind: 'shared-config',
      configProfile: 'vault',
      status: 'verified',
      arn: 'arn:aws:iam::111111111111:user/vault-user',
    });
    expect(await service.verify(added.id)).toMatchObject({ status: 'verified' });
  });

  it('explains a profile whose credential_process fails, and saves it only on request', async () => {
    const input = {
      name: 'broken',
      configProfile: 'broken',
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    } as const;
    const error = await service.addSharedConfig(input).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'credentials-missing' });
    expect((error as Error).message).toContain('“broken”');
    expect(await service.addSharedConfig({ ...input, saveUnverified: true })).toMatchObject({
      status: 'failed',
    });
  });
});
