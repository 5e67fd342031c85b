import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileSecretStore, DEFAULT_KDF_COST } from './file-secret-store';

// Most tests derive keys at a lower scrypt cost (2^14) to stay quick; one checks the real one.
const cheap = { N: 2 ** 14, r: 8, p: 1 };
const passphrase = 'correct horse battery staple';
const secret = JSON.stringify({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-file-store-'));
  path = join(dir, 'secrets.enc.json');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const open = (idleLockMinutes = 0) =>
  createFileSecretStore({ path, kdfCost: cheap, idleLockMinutes });

type StoreFile = {
  version: number;
  kdf: { N: number; r: number; p: number; salt: string };
  cipher: { iv: string; tag: string };
  ciphertext: string;
};
const readStoreFile = async () => JSON.parse(await readFile(path, 'utf8')) as StoreFile;

describe('encrypted file secret store', () => {
  it('round-trips secrets, and a new process starts locked until the passphrase is given', async () => {
    const store = open();
    expect(await store.exists()).toBe(false);
    await store.create(passphrase);
    expect(store.isUnlocked()).toBe(true);
    await store.set('profile-1', secret);
    await store.set('profile-2', 'other');
    expect(await store.get('profile-1')).toBe(secret);
    expect(await store.get('nobody')).toBeNull();
    expect(await store.delete('profile-2')).toBe(true);
    expect(await store.delete('profile-2')).toBe(false);

    const text = await readFile(path, 'utf8');
    for (const leak of ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', passphrase, 'profile-1']) {
      expect(text).not.toContain(leak);
    }

    const later = open();
    expect(await later.exists()).toBe(true);
    expect(later.isUnlocked()).toBe(false);
    await expect(later.get('profile-1')).rejects.toMatchObject({
      code: 'secret-store-locked',
      hint: expect.stringMatching(/Unlock/),
    });
    await later.unlock(passphrase);
    expect(await later.get('profile-1')).toBe(secret);
    later.lock();
    await expect(later.set('profile-3', 'x')).rejects.toMatchObject({
      code: 'secret-store-locked',
    });
  });

  it('writes the file 0600 with the chosen scrypt cost, a fresh IV per write, and never in place', async () => {
    const store = createFileSecretStore({ path, idleLockMinutes: 0 });
    await store.create(passphrase);
    const first = await readStoreFile();
    expect(first).toMatchObject({
      format: 'keyward-secrets',
      version: 1,
      kdf: { name: 'scrypt', ...DEFAULT_KDF_COST, keyLength: 32 },
      cipher: { name: 'aes-256-gcm' },
    });
    expect(DEFAULT_KDF_COST).toEqual({ N: 131072, r: 8, p: 1 });
    expect(Buffer.from(first.kdf.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(first.cipher.iv, 'base64')).toHaveLength(12);
    const inode = (await stat(path)).ino;
    await store.set('a', 'b');
    const second = await readStoreFile();
    expect((await stat(path)).ino).not.toBe(inode); // a new file renamed over the old one
    expect(second.cipher.iv).not.toBe(first.cipher.iv);
    expect(second.kdf.salt).toBe(first.kdf.salt);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong passphrase clearly and stays locked', async () => {
    await open().create(passphrase);
    const store = open();
    await expect(store.unlock('not the passphrase')).rejects.toMatchObject({
      code: 'validation',
      message: 'That passphrase does not open the encrypted credential file.',
      fieldErrors: { passphrase: 'Wrong passphrase' },
    });
    expect(store.isUnlocked()).toBe(false);
  });

  it('detects a changed file: ciphertext, tag or header, before and after unlock', async () => {
    const writer = open();
    await writer.create(passphrase);
    await writer.set('profile-1', secret);
    const good = await readFile(path, 'utf8');
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const edits: ((file: StoreFile) => void)[] = [
      (file) => (file.ciphertext = flip(file.ciphertext)),
      (file) => (file.cipher.tag = flip(file.cipher.tag)),
      (file) => (file.cipher.iv = flip(file.cipher.iv)),
      // A header change is caught by the GCM additional data, not only by a different key.
      (file) => (file.kdf.p = 2),
    ];
    for (const edit of edits) {
      const file = JSON.parse(good) as StoreFile;
      edit(file);
      await writeFile(path, JSON.stringify(file));
      await expect(open().unlock(passphrase)).rejects.toMatchObject({ code: 'validation' });
    }

    // Unlocked, then the file is changed behind Keyward's back.
    await writeFile(path, good);
    const store = open();
    await store.unlock(passphrase);
    const file = JSON.parse(good) as StoreFile;
    file.ciphertext = flip(file.ciphertext);
    await writeFile(path, JSON.stringify(file));
    await expect(store.get('profile-1')).rejects.toMatchObject({
      code: 'invalid-state',
      message: expect.stringMatching(/failed its integrity check/),
    });
  });

  it('says a corrupt file is damaged and leaves it as it is: never a silent reset', async () => {
    await open().create(passphrase);
    const cases = [
      ['{ not json', /damaged \(not JSON/],
      [JSON.stringify({ format: 'keyward-secrets', version: 1 }), /damaged \(kdf: /],
      [
        JSON.stringify({ ...(await readStoreFile()), ciphertext: '!!!' }),
        /damaged \(ciphertext: not base64\)/,
      ],
      [JSON.stringify({ version: 7 }), /newer Keyward \(format version 7/],
    ] as const;
    for (const [text, message] of cases) {
      await writeFile(path, text);
      const store = open();
      await expect(store.unlock(passphrase)).rejects.toMatchObject({
        code: 'invalid-state',
        message: expect.stringMatching(message),
      });
      expect(await store.exists()).toBe(true);
      await expect(store.create('another passphrase')).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await readFile(path, 'utf8')).toBe(text);
    }
  });

  it('says where the file should be when it is gone', async () => {
    await expect(open().unlock(passphrase)).rejects.toMatchObject({
      code: 'invalid-state',
      message: `There is no encrypted credential file at ${path}.`,
    });
  });

  it('changes the passphrase: the entries are re-encrypted under a new salt, the old one opens nothing', async () => {
    const store = open();
    await store.create(passphrase);
    await store.set('profile-1', secret);
    const before = await readStoreFile();
    await expect(
      store.changePassphrase('wrong passphrase', 'a new passphrase!'),
    ).rejects.toMatchObject({ code: 'validation', fieldErrors: { current: 'Wrong passphrase' } });
    await store.changePassphrase(passphrase, 'a new passphrase!');
    const after = await readStoreFile();
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(await store.get('profile-1')).toBe(secret);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);

    const later = open();
    await expect(later.unlock(passphrase)).rejects.toMatchObject({ code: 'validation' });
    await later.unlock('a new passphrase!');
    expect(await later.get('profile-1')).toBe(secret);
  });

  it('locks a store whose passphrase another Keyward changed since it was unlocked', async () => {
    const first = open();
    await first.create(passphrase);
    await first.set('profile-1', secret);
    const second = open();
    await second.unlock(passphrase);
    await second.changePassphrase(passphrase, 'a new passphrase!');
    await expect(first.get('profile-1')).rejects.toMatchObject({ code: 'secret-store-locked' });
    expect(first.isUnlocked()).toBe(false);
  });

  it('locks itself after the idle time, counted from the last use; 0 never', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onIdleLock = vi.fn();
    const store = createFileSecretStore({ path, kdfCost: cheap, idleLockMinutes: 15, onIdleLock });
    await store.create(passphrase);
    await store.set('profile-1', secret);
    vi.advanceTimersByTime(14 * 60_000);
    expect(await store.get('profile-1')).toBe(secret); // a use starts the 15 minutes again
    vi.advanceTimersByTime(14 * 60_000);
    expect(store.isUnlocked()).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(store.isUnlocked()).toBe(false);
    expect(onIdleLock).toHaveBeenCalledOnce();
    await expect(store.get('profile-1')).rejects.toMatchObject({ code: 'secret-store-locked' });

    store.setIdleLockMinutes(0);
    await store.unlock(passphrase);
    vi.advanceTimersByTime(7 * 24 * 60 * 60_000);
    expect(store.isUnlocked()).toBe(true);

    // A shorter idle time set while unlocked counts from then.
    store.setIdleLockMinutes(1);
    vi.advanceTimersByTime(60_000);
    expect(store.isUnlocked()).toBe(false);
  });

  it('serialises writes: parallel sets all land', async () => {
    const store = open();
    await store.create(passphrase);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.set(`profile-${index}`, `s${index}`)),
    );
    for (let index = 0; index < 20; index++) {
      expect(await store.get(`profile-${index}`)).toBe(`s${index}`);
    }
  });
});
