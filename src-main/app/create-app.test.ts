import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../credentials/secret-store';
import { createKeywardApp } from './create-app';

const memorySecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Starts Keyward on `dataDir` with its real logger and embedded sandbox, saves a setting, stops. */
async function runOnce(dataDir: string): Promise<void> {
  const app = createKeywardApp({
    dataDir,
    host: { host: 'browser', versions: { node: process.versions.node } },
    secrets: memorySecrets,
  });
  expect(await app.dispatcher.invoke('settings.set', { theme: 'dark' })).toMatchObject({
    ok: true,
  });
  await app.close();
}

/** Every entry under `root` (root too) whose mode lets anyone but the owner in, as "mode path". */
function notPrivate(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stats = lstatSync(path);
    const mode = stats.mode & 0o777;
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    if (mode !== wanted) found.push(`${mode.toString(8)} ${path.slice(root.length) || '/'}`);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return found;
}

function everythingUnder(root: string): string[] {
  const all: string[] = [root];
  for (const name of readdirSync(root, { recursive: true })) all.push(join(root, String(name)));
  return all;
}

describe.skipIf(process.platform === 'win32')('the data directory of a started Keyward', () => {
  it('is created private: every directory 0700, every file 0600', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'keyward-data-'));
    dirs.push(parent);
    const dataDir = join(parent, 'Keyward');
    await runOnce(dataDir);
    const names = readdirSync(dataDir, { recursive: true }).map(String);
    expect(names).toEqual(
      expect.arrayContaining([
        'logs/main.log',
        'settings.json',
        'sandbox/sandbox.db',
        'sandbox/aws-credentials',
      ]),
    );
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('is tightened at start when an older Keyward left it 0755 with 0644 files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'keyward-data-'));
    dirs.push(dataDir);
    await runOnce(dataDir);
    mkdirSync(join(dataDir, 'logs', 'old'));
    writeFileSync(join(dataDir, 'logs', 'old', 'main.log.1'), 'older lines');
    for (const path of everythingUnder(dataDir)) {
      chmodSync(path, lstatSync(path).isDirectory() ? 0o755 : 0o644);
    }
    expect(notPrivate(dataDir)).not.toEqual([]);
    await runOnce(dataDir);
    expect(notPrivate(dataDir)).toEqual([]);
  });
});
