import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import type { ProfileWithSecret } from '../../src-shared/models/secret-store';
import { silentLogger } from '../log/logger';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { createCredentialStores, type CredentialStores } from './credential-stores';
import { createFileSecretStore } from './file-secret-store';
import type { SecretStore } from './secret-store';

/** A keychain that works, or fails as an unreachable Secret Service does. */
function fakeKeychain() {
  const entries = new Map<string, string>();
  let reachable = true;
  const refuse = () => {
    throw new KeywardError('keychain-unavailable', 'The OS keychain could not be used: no bus');
  };
  const store: SecretStore = {
    get: async (account) => (reachable ? (entries.get(account) ?? null) : refuse()),
    set: async (account, secret) => {
      if (!reachable) refuse();
      entries.set(account, secret);
    },
    delete: async (account) => (reachable ? entries.delete(account) : refuse()),
  };
  return {
    store,
    entries,
    setReachable: (value: boolean) => {
      reachable = value;
    },
  };
}

const passphrase = 'correct horse battery staple';
const alice: ProfileWithSecret = { id: 'p-alice', name: 'alice', kind: 'access-key' };
const corp: ProfileWithSecret = { id: 'p-corp', name: 'corp-sso', kind: 'sso' };

let dir: string;
let settings: SettingsStore;
let keychain: ReturnType<typeof fakeKeychain>;
let stores: CredentialStores;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-credential-stores-'));
  settings = createSettingsStore(dir, silentLogger);
  keychain = fakeKeychain();
  stores = createCredentialStores({
    dataDir: dir,
    settings,
    logger: silentLogger,
    keychain: keychain.store,
    file: createFileSecretStore({
      path: join(dir, 'secrets.enc.json'),
      kdfCost: { N: 2 ** 14, r: 8, p: 1 },
    }),
    profilesWithSecrets: async () => [alice, corp],
    platform: 'linux',
  });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('credential stores', () => {
  it('starts on the OS keychain and says what each store is', async () => {
    const status = await stores.status();
    expect(status).toMatchObject({
      store: 'keychain',
      keychain: {
        available: true,
        problem: null,
        backend: expect.stringMatching(/Secret Service/),
      },
      file: { path: join(dir, 'secrets.enc.json'), exists: false, unlocked: false },
      locked: false,
      idleLockMinutes: 15,
      profilesWithSecrets: [alice, corp],
    });
    await stores.secrets.set(alice.id, 'k');
    expect(keychain.entries.get(alice.id)).toBe('k');
    expect(keychain.entries.has('__keyward-availability-probe')).toBe(false);
  });

  it('moves every profile’s secret into the new file store and back, leaving none behind', async () => {
    keychain.entries.set(alice.id, 'alice-key');
    keychain.entries.set(corp.id, 'corp-token');
    const toFile = await stores.useStore('file', passphrase);
    expect(toFile.moved).toEqual([alice, corp]);
    expect(toFile.needReentry).toEqual([]);
    expect(toFile.status).toMatchObject({ store: 'file', file: { exists: true, unlocked: true } });
    expect((await settings.get()).secretStore).toBe('file');
    expect(keychain.entries.size).toBe(0);
    expect(await stores.secrets.get(alice.id)).toBe('alice-key');
    expect(await stores.file.get(corp.id)).toBe('corp-token');

    const back = await stores.useStore('keychain', undefined);
    expect(back.moved).toEqual([alice, corp]);
    expect(keychain.entries.get(alice.id)).toBe('alice-key');
    expect(await stores.file.get(alice.id)).toBeNull();
    expect((await settings.get()).secretStore).toBe('keychain');
  });

  it('says which profiles need their secrets again when the old store cannot be read', async () => {
    keychain.setReachable(false);
    const result = await stores.useStore('file', passphrase);
    expect(result.moved).toEqual([]);
    expect(result.needReentry).toEqual([alice, corp]);
    expect(result.status.keychain).toMatchObject({ available: false, problem: expect.any(String) });
    expect(result.status.store).toBe('file');
  });

  it('fails calls on a locked file store with a typed error that says what to do', async () => {
    await stores.useStore('file', passphrase);
    await stores.secrets.set(alice.id, 'alice-key');
    const locked = await stores.lock();
    expect(locked.locked).toBe(true);
    const error = await stores.secrets.get(alice.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeywardError);
    expect(error).toMatchObject({
      code: 'secret-store-locked',
      hint: expect.stringMatching(/Unlock it with its passphrase/),
    });
    await expect(stores.unlock('wrong passphrase!')).rejects.toMatchObject({
      code: 'validation',
    });
    const unlocked = await stores.unlock(passphrase);
    expect(unlocked.locked).toBe(false);
    expect(await stores.secrets.get(alice.id)).toBe('alice-key');
  });

  it('moves out of a locked file store once its passphrase is given with the switch', async () => {
    await stores.useStore('file', passphrase);
    await stores.secrets.set(alice.id, 'alice-key');
    await stores.lock();
    const result = await stores.useStore('keychain', passphrase);
    expect(result.moved).toEqual([alice]);
    expect(keychain.entries.get(alice.id)).toBe('alice-key');
  });

  it('refuses to switch to an unreachable keychain, and to a file store without a good passphrase', async () => {
    await expect(stores.useStore('file', 'short')).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { passphrase: 'At least 12 characters' },
    });
    expect((await settings.get()).secretStore).toBe('keychain');
    await stores.useStore('file', passphrase);
    keychain.setReachable(false);
    await expect(stores.useStore('keychain', undefined)).rejects.toMatchObject({
      code: 'keychain-unavailable',
      hint: expect.stringMatching(/stays on the encrypted file/),
    });
    expect((await settings.get()).secretStore).toBe('file');
  });

  it('keeps the idle lock in the settings and applies it at once', async () => {
    const status = await stores.setIdleLock(0);
    expect(status.idleLockMinutes).toBe(0);
    expect((await settings.get()).fileStoreIdleLockMinutes).toBe(0);
  });

  it('never answers a passphrase', async () => {
    const answers = [
      await stores.createFileStore(passphrase),
      await stores.changePassphrase(passphrase, 'another passphrase'),
      await stores.useStore('file', undefined),
      await stores.status(),
    ];
    expect(JSON.stringify(answers)).not.toMatch(/correct horse|another passphrase/);
  });
});
