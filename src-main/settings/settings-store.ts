import { join } from 'node:path';
import {
  defaultSettings,
  settingsSchema,
  storedSettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/schemas/settings';
import type { Logger } from '../log/logger';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** `SettingsPatch` from the page; main's own services may also set what the page may not. */
  update(patch: SettingsPatch | Partial<Settings>): Promise<Settings>;
  readonly path: string;
}

/** Settings live in `<dataDir>/settings.json`; writes are atomic and applied one at a time. */
export function createSettingsStore(dataDir: string, logger: Logger): SettingsStore {
  const path = join(dataDir, 'settings.json');
  let current: Promise<Settings> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    const read = await readJsonFile(path, storedSettingsSchema);
    if (read.state === 'ok') return read.value;
    if (read.state === 'corrupt') {
      logger.log('warn', 'settings file was invalid; moved aside and defaults used', {
        backupPath: read.backupPath,
        reason: read.reason,
      });
    }
    return defaultSettings;
  }

  const get = (): Promise<Settings> => (current ??= load());

  function update(patch: SettingsPatch | Partial<Settings>): Promise<Settings> {
    const next = queue.then(async () => {
      const merged = settingsSchema.parse({ ...(await get()), ...patch });
      if (!merged.defaultRegions.includes(merged.activeRegion) && patch.defaultRegions) {
        // keep the active region meaningful when defaults change under it
        merged.activeRegion = merged.defaultRegions[0] ?? merged.activeRegion;
      }
      await writeJsonFile(path, merged);
      current = Promise.resolve(merged);
      return merged;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return { get, update, path };
}
