import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/schemas/settings';
import type { Logger } from '../log/logger';
import { createSettingsStore } from './settings-store';

let dir: string;
const warnings: string[] = [];
const logger: Logger = { log: (level, message) => level === 'warn' && warnings.push(message) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-settings-'));
  warnings.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('answers the defaults on first run without writing anything', async () => {
    const store = createSettingsStore(dir, logger);
    expect(await store.get()).toEqual(defaultSettings);
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists a change so a new store (a restarted host) reads it back', async () => {
    await createSettingsStore(dir, logger).update({
      theme: 'dark',
      defaultRegions: ['eu-west-1', 'ap-southeast-2'],
    });
    const reopened = await createSettingsStore(dir, logger).get();
    expect(reopened.theme).toBe('dark');
    expect(reopened.defaultRegions).toEqual(['eu-west-1', 'ap-southeast-2']);
    expect(reopened.activeRegion).toBe('eu-west-1');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('applies concurrent updates one after another, losing none', async () => {
    const store = createSettingsStore(dir, logger);
    await Promise.all([
      store.update({ theme: 'light' }),
      store.update({ confirmBeforeDestructive: false }),
      store.update({ activeRegion: 'us-west-2' }),
    ]);
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({
      theme: 'light',
      confirmBeforeDestructive: false,
      activeRegion: 'us-west-2',
    });
  });

  it('moves a corrupt file aside, says so in the log, and starts from the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"theme": "dark", "defaultRegi');
    const store = createSettingsStore(dir, logger);
    expect(await store.get()).toEqual(defaultSettings);
    const files = await readdir(dir);
    expect(files.some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it('refuses an invalid patch and keeps the file as it was', async () => {
    const store = createSettingsStore(dir, logger);
    await store.update({ theme: 'dark' });
    await expect(store.update({ defaultRegions: [] })).rejects.toThrow();
    expect((await createSettingsStore(dir, logger).get()).theme).toBe('dark');
  });
});

describe('settings files from older versions', () => {
  it('reads a file written before welcomeSeen existed, and a patch never resets it', async () => {
    const { welcomeSeen: _omitted, ...older } = defaultSettings;
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...older, theme: 'dark' }));
    const store = createSettingsStore(dir, logger);
    expect(await store.get()).toMatchObject({ theme: 'dark', welcomeSeen: false });
    await store.update({ welcomeSeen: true });
    expect((await store.update({ theme: 'light' })).welcomeSeen).toBe(true);
    expect(warnings).toHaveLength(0);
  });
});
