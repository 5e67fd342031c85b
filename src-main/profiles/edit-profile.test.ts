import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from '../credentials/keychain-secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';
import { createSandboxUserKey, type UserKey } from './testing/sandbox-user';

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
const secrets = createKeychainSecretStore('keyward-edit-test');
const keys: Record<'carol' | 'dave', UserKey> = {
  carol: { id: '', secret: '' },
  dave: { id: '', secret: '' },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-edit-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  if (!(await sandbox.ready)) throw new Error('sandbox did not start');
  service = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets,
    sandbox,
  });
  for (const user of ['carol', 'dave'] as const)
    keys[user] = await createSandboxUserKey(service, user);
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const addCarol = (name: string) =>
  service.addAccessKey({
    name,
    target: 'sandbox',
    defaultRegion: 'us-east-1',
    accessKeyId: keys.carol.id,
    secretAccessKey: keys.carol.secret,
    saveUnverified: false,
  });

const edit = (id: string, changes: Record<string, unknown> = {}) =>
  service.update({
    id,
    kind: 'access-key',
    name: 'carol',
    defaultRegion: 'us-east-1',
    mfaSerial: null,
    newAccessKey: null,
    saveUnverified: false,
    ...changes,
  });

describe('editing a profile', () => {
  it('renames it and changes its region without asking STS again', async () => {
    const added = await addCarol('carol');
    const edited = await edit(added.id, { name: 'carol-ops', defaultRegion: 'eu-west-1' });
    expect(edited).toMatchObject({
      name: 'carol-ops',
      defaultRegion: 'eu-west-1',
      status: 'verified',
      lastVerifiedAt: added.lastVerifiedAt,
    });
    await service.remove(added.id);
  });

  it('replaces the keys after STS names the new ones; the keychain holds the new secret', async () => {
    const added = await addCarol('rotated');
    const edited = await edit(added.id, {
      name: 'rotated',
      newAccessKey: { accessKeyId: keys.dave.id, secretAccessKey: keys.dave.secret },
    });
    expect(edited.arn).toBe('arn:aws:iam::111111111111:user/dave');
    expect(edited.accessKeyHint).toBe(`${keys.dave.id.slice(0, 4)}…${keys.dave.id.slice(-4)}`);
    expect(await secrets.get(added.id)).toContain(keys.dave.secret);
    expect(JSON.stringify(edited)).not.toContain(keys.dave.secret);
    await service.remove(added.id);
  });

  it('refuses new keys AWS rejects and keeps the old ones and identity', async () => {
    const added = await addCarol('kept');
    await expect(
      edit(added.id, {
        name: 'kept',
        newAccessKey: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'z'.repeat(40) },
      }),
    ).rejects.toMatchObject({ code: 'credentials-invalid' });
    expect(await secrets.get(added.id)).toContain(keys.carol.secret);
    const listed = (await service.list()).find((profile) => profile.id === added.id);
    expect(listed).toMatchObject({ status: 'verified', arn: added.arn });
    await service.remove(added.id);
  });

  it('keeps rejected keys only when asked, marked failed', async () => {
    const added = await addCarol('forced');
    const edited = await edit(added.id, {
      name: 'forced',
      newAccessKey: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'z'.repeat(40) },
      saveUnverified: true,
    });
    expect(edited).toMatchObject({ status: 'failed', arn: null });
    expect(edited.lastError).toMatch(/security token|InvalidClientTokenId/i);
    await service.remove(added.id);
  });

  it('refuses a name another profile has, the sandbox profiles, and a change of kind', async () => {
    const added = await addCarol('unique');
    await expect(edit(added.id, { name: 'Sandbox · prod' })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { name: expect.any(String) as unknown },
    });
    await expect(edit('sandbox:prod', { name: 'x' })).rejects.toMatchObject({
      code: 'invalid-state',
    });
    await expect(
      service.update({
        id: added.id,
        kind: 'shared-config',
        name: 'unique',
        defaultRegion: 'us-east-1',
        configProfile: 'default',
        saveUnverified: false,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await service.remove(added.id);
  });
});
