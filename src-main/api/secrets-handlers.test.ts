import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import { createKeywardApp, type KeywardApp } from '../app/create-app';
import type { SecretStore } from '../credentials/secret-store';

// The secrets.* calls as a page makes them: through the dispatcher (schemas in and out), on a
// host whose OS keychain cannot be reached, with the real encrypted file store and logger.
const unreachable = (): never => {
  throw new KeywardError('keychain-unavailable', 'The OS keychain could not be used: no bus');
};
const noKeychain: SecretStore = { get: unreachable, set: unreachable, delete: unreachable };

const passphrase = 'correct horse battery staple';
const nextPassphrase = 'tr0ub4dor and three more words';
let dir: string;
let app: KeywardApp;
const answers: unknown[] = [];

async function call(name: string, input: unknown = {}) {
  const result = await app.dispatcher.invoke(name, input);
  answers.push(result);
  return result;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-secrets-api-'));
  app = createKeywardApp({
    dataDir: dir,
    host: { host: 'browser', versions: { node: process.versions.node } },
    secrets: noKeychain,
    sandbox: false,
  });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets.* calls', { timeout: 60_000 }, () => {
  it('report the keychain unavailable and no file store on a fresh host', async () => {
    expect(await call('secrets.status')).toMatchObject({
      ok: true,
      value: {
        store: 'keychain',
        keychain: { available: false, problem: expect.stringMatching(/no bus/) },
        file: { path: join(dir, 'secrets.enc.json'), exists: false, unlocked: false },
        locked: false,
        idleLockMinutes: 15,
      },
    });
  });

  it('refuse a short passphrase on its field, and a store switch through settings.set', async () => {
    expect(await call('secrets.createFileStore', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { passphrase: 'At least 12 characters' } },
    });
    expect(await call('settings.set', { secretStore: 'file' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await call('secrets.createFileStore', { passphrase, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('create the file store, switch to it, lock, refuse a wrong passphrase, unlock', async () => {
    expect(await call('secrets.createFileStore', { passphrase })).toMatchObject({
      ok: true,
      value: { store: 'keychain', file: { exists: true, unlocked: true } },
    });
    expect(await call('secrets.useStore', { store: 'file' })).toMatchObject({
      ok: true,
      value: { status: { store: 'file', locked: false }, moved: [], needReentry: [] },
    });
    expect((await call('settings.get')) as { value: unknown }).toMatchObject({
      value: { secretStore: 'file' },
    });
    expect(await call('secrets.lock')).toMatchObject({
      ok: true,
      value: { locked: true, file: { unlocked: false } },
    });
    expect(await call('secrets.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: 'That passphrase does not open the encrypted credential file.',
        fieldErrors: { passphrase: 'Wrong passphrase' },
      },
    });
    expect(await call('secrets.unlock', { passphrase })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
  });

  it('change the passphrase and the idle lock', async () => {
    expect(
      await call('secrets.changePassphrase', { current: passphrase, next: passphrase }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { next: expect.any(String) } },
    });
    expect(
      await call('secrets.changePassphrase', { current: passphrase, next: nextPassphrase }),
    ).toMatchObject({ ok: true, value: { locked: false } });
    expect(await call('secrets.setIdleLock', { minutes: 5 })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 5 },
    });
    expect(await call('secrets.setIdleLock', { minutes: -1 })).toMatchObject({ ok: false });
    await call('secrets.lock');
    expect(await call('secrets.unlock', { passphrase: nextPassphrase })).toMatchObject({
      ok: true,
    });
  });

  it('refuse to go back to an unreachable keychain, saying why', async () => {
    expect(await call('secrets.useStore', { store: 'keychain' })).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable' },
    });
  });

  it('never answer or log a passphrase', async () => {
    const logged = await readFile(join(dir, 'logs', 'main.log'), 'utf8');
    expect(logged).toContain('credential file store unlocked');
    for (const text of [JSON.stringify(answers), logged]) {
      for (const secret of [passphrase, nextPassphrase, 'not the passphrase']) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
