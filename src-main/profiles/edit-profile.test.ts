import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { createKeychainSecretStore } from '../credentials/keychain-secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore, type ProfileStore } from './profile-store';
import { createSandboxAccessKey, createSandboxUserKey, type UserKey } from './testing/sandbox-user';

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
const secrets = createKeychainSecretStore('keyward-edit-test');
const keys: Record<'carol' | 'carol2' | 'dave', UserKey> = {
  carol: { id: '', secret: '' },
  carol2: { id: '', secret: '' },
  dave: { id: '', secret: '' },
};
const aws = testClientFactory();
let store: ProfileStore;

/** How many times STS was asked who a profile's edit is. */
const identityChecks = (profileId: string) =>
  aws.calls
    .recent()
    .filter((call) => call.operation === 'GetCallerIdentity' && call.profileId === profileId)
    .length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-edit-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  if (!(await sandbox.ready)) throw new Error('sandbox did not start');
  store = createProfileStore(dir, silentLogger);
  service = createProfileService({ store, secrets, sandbox, aws });
  for (const user of ['carol', 'dave'] as const)
    keys[user] = await createSandboxUserKey(service, user);
  keys.carol2 = await createSandboxAccessKey(service, 'carol');
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
    confirmIdentityChange: false,
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

  it('replaces the keys of the same user (a rotation) at once; the keychain holds the new secret', async () => {
    const added = await addCarol('rotated');
    const edited = await edit(added.id, {
      name: 'rotated',
      newAccessKey: { accessKeyId: keys.carol2.id, secretAccessKey: keys.carol2.secret },
    });
    expect(edited.arn).toBe('arn:aws:iam::111111111111:user/carol');
    expect(edited.accessKeyHint).toBe(`${keys.carol2.id.slice(0, 4)}…${keys.carol2.id.slice(-4)}`);
    expect(await secrets.get(added.id)).toContain(keys.carol2.secret);
    expect(JSON.stringify(edited)).not.toContain(keys.carol2.secret);
    await service.remove(added.id);
  });

  it('refuses another user’s key until the change is confirmed, changing nothing meanwhile', async () => {
    const added = await addCarol('switched');
    const storedBefore = await store.get(added.id);
    const daveKey = { accessKeyId: keys.dave.id, secretAccessKey: keys.dave.secret };
    const error = await edit(added.id, { name: 'switched', newAccessKey: daveKey }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'identity-changed',
      message: expect.stringMatching(/user\/dave.*it was arn:aws:iam::111111111111:user\/carol/),
      details: {
        kind: 'identity-change',
        before: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/carol' },
        after: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/dave' },
      },
    });
    // "Keep the old key": the profile and its secret are exactly as they were.
    expect(await store.get(added.id)).toEqual(storedBefore);
    expect(await secrets.get(added.id)).toContain(keys.carol.secret);
    expect(await secrets.get(added.id)).not.toContain(keys.dave.secret);

    // "Save with the new identity": what the user saw is saved, without asking STS again.
    const checksBefore = identityChecks(added.id);
    const confirmed = await edit(added.id, {
      name: 'switched',
      newAccessKey: daveKey,
      confirmIdentityChange: true,
    });
    expect(identityChecks(added.id)).toBe(checksBefore);
    expect(confirmed).toMatchObject({
      status: 'verified',
      arn: 'arn:aws:iam::111111111111:user/dave',
      accessKeyHint: `${keys.dave.id.slice(0, 4)}…${keys.dave.id.slice(-4)}`,
    });
    expect(await secrets.get(added.id)).toContain(keys.dave.secret);
    await service.remove(added.id);
  });

  it('asks STS again when the confirmed edit is not the one that was shown', async () => {
    const added = await addCarol('reconfirmed');
    const daveKey = { accessKeyId: keys.dave.id, secretAccessKey: keys.dave.secret };
    await expect(
      edit(added.id, { name: 'reconfirmed', newAccessKey: daveKey }),
    ).rejects.toMatchObject({ code: 'identity-changed' });
    const checksBefore = identityChecks(added.id);
    const confirmed = await edit(added.id, {
      name: 'reconfirmed',
      defaultRegion: 'eu-west-1',
      newAccessKey: daveKey,
      confirmIdentityChange: true,
    });
    expect(identityChecks(added.id)).toBe(checksBefore + 1);
    expect(confirmed).toMatchObject({ arn: 'arn:aws:iam::111111111111:user/dave' });
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
        confirmIdentityChange: false,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await service.remove(added.id);
  });
});
