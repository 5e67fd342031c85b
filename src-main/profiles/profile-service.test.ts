import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';
import { createSandboxUserKey } from './testing/sandbox-user';

// A map stands in for the keychain here; the real Secret Service is exercised by
// keychain-secret-store.test.ts and by the e2e credentials spec.
function memorySecrets(): SecretStore & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => void entries.set(account, secret),
    delete: async (account) => entries.delete(account),
  };
}

let dir: string;
let sandbox: EmbeddedSandbox;
let secrets: ReturnType<typeof memorySecrets>;
let service: ProfileService;
let userKey: { id: string; secret: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-profiles-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  const running = await sandbox.ready;
  if (!running) throw new Error('sandbox did not start');
  secrets = memorySecrets();
  service = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets,
    sandbox,
  });
  userKey = await createSandboxUserKey(service, 'bob');
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const addBob = (overrides: Partial<Parameters<ProfileService['addAccessKey']>[0]> = {}) =>
  service.addAccessKey({
    name: 'bob',
    target: 'sandbox',
    defaultRegion: 'eu-west-1',
    accessKeyId: userKey.id,
    secretAccessKey: userKey.secret,
    saveUnverified: false,
    ...overrides,
  });

describe('profile service', () => {
  it('lists the sandbox identities, verified, first', async () => {
    const profiles = await service.list();
    expect(
      profiles.slice(0, 4).map((profile) => [profile.id, profile.accountId, profile.status]),
    ).toEqual([
      ['sandbox:prod', '111111111111', 'verified'],
      ['sandbox:backup', '222222222222', 'verified'],
      ['sandbox:partner', '333333333333', 'verified'],
      ['sandbox:prod-developer', '111111111111', 'verified'],
    ]);
    expect(profiles[3]?.arn).toBe('arn:aws:iam::111111111111:user/prod-developer');
  });

  it('adds an access-key profile after STS names it, secret only in the secret store', async () => {
    const added = await addBob();
    expect(added).toMatchObject({
      status: 'verified',
      accountId: '111111111111',
      arn: 'arn:aws:iam::111111111111:user/bob',
      principalType: 'user',
    });
    expect(added.accessKeyHint).toBe(`${userKey.id.slice(0, 4)}…${userKey.id.slice(-4)}`);
    expect(JSON.stringify(added)).not.toContain(userKey.secret);
    expect(secrets.entries.get(added.id)).toContain(userKey.secret);
    const onDisk = await readFile(join(dir, 'profiles.json'), 'utf8');
    expect(onDisk).not.toContain(userKey.secret);
    expect(onDisk).not.toContain(userKey.id);
    expect((await service.resolver.principal(added.id)).target.credentials).toEqual({
      accessKeyId: userKey.id,
      secretAccessKey: userKey.secret,
    });
    await service.remove(added.id);
  });

  it('refuses keys AWS does not accept, naming the AWS error, and saves nothing', async () => {
    const error = await addBob({ name: 'bad', secretAccessKey: 'x'.repeat(40) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(KeywardError);
    expect(error).toMatchObject({
      code: 'credentials-invalid',
      aws: { code: 'SignatureDoesNotMatch', service: 'sts' },
    });
    expect((await service.list()).some((profile) => profile.name === 'bad')).toBe(false);
    expect(secrets.entries.size).toBe(0);
  });

  it('saves a failing profile only when asked, marked failed with the reason', async () => {
    const saved = await addBob({
      name: 'later',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      saveUnverified: true,
    });
    expect(saved.status).toBe('failed');
    expect(saved.lastError).toMatch(/InvalidClientTokenId|security token/i);
    await service.remove(saved.id);
  });

  it('refuses a second profile with the same name as a field error', async () => {
    const first = await addBob({ name: 'twin' });
    await expect(addBob({ name: 'TWIN' })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { name: expect.any(String) },
    });
    await service.remove(first.id);
  });

  it('deletes the keychain entry with the profile, and keeps the sandbox profiles', async () => {
    const added = await addBob({ name: 'gone' });
    expect(await service.remove(added.id)).toBe(true);
    expect(secrets.entries.has(added.id)).toBe(false);
    await expect(service.remove('sandbox:prod')).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(service.verify('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('re-verifies a profile and records a failure when the key was deleted in AWS', async () => {
    const added = await addBob({ name: 'rotating' });
    secrets.entries.set(
      added.id,
      JSON.stringify({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'y'.repeat(40) }),
    );
    await expect(service.verify(added.id)).rejects.toMatchObject({ code: 'credentials-invalid' });
    expect((await service.list()).find((profile) => profile.id === added.id)?.status).toBe(
      'failed',
    );
    await service.remove(added.id);
  });
});
