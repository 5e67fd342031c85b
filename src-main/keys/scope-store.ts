import { join } from 'node:path';
import { z } from 'zod';
import { scopeCellSchema, type ScopeCell } from '../../src-shared/models/kms-key';
import type { Settings } from '../../src-shared/schemas/settings';
import type { Logger } from '../log/logger';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

const storedScopeSchema = z.object({ cells: z.array(scopeCellSchema).max(200) }).strict();

export interface KeysScope {
  readonly cells: ScopeCell[];
  readonly isDefault: boolean;
}

export interface ScopeStore {
  get(): Promise<KeysScope>;
  /** null: forget the choice, back to the default scope. */
  set(cells: readonly ScopeCell[] | null): Promise<KeysScope>;
}

/** Each cell once, in the order first given. */
export function uniqueCells(cells: readonly ScopeCell[]): ScopeCell[] {
  const seen = new Set<string>();
  return cells.filter((cell) => {
    const key = `${cell.profileId}|${cell.region}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The Keys inventory's remembered scope, in `keys-scope.json` of the data dir (a file of its own:
 * it changes with every scope pick, settings do not). Without one: the active profile × the
 * default regions of Settings.
 */
export function createScopeStore(deps: {
  dataDir: string;
  settings: () => Promise<Pick<Settings, 'activeProfileId' | 'defaultRegions'>>;
  logger: Logger;
}): ScopeStore {
  const path = join(deps.dataDir, 'keys-scope.json');

  async function defaultScope(): Promise<KeysScope> {
    const { activeProfileId, defaultRegions } = await deps.settings();
    const cells = activeProfileId
      ? defaultRegions.map((region) => ({ profileId: activeProfileId, region }))
      : [];
    return { cells, isDefault: true };
  }

  return {
    async get() {
      const read = await readJsonFile(path, storedScopeSchema);
      if (read.state === 'corrupt') {
        deps.logger.log('warn', 'keys scope file was unreadable and was moved aside', {
          backupPath: read.backupPath,
          reason: read.reason,
        });
      }
      if (read.state !== 'ok' || read.value.cells.length === 0) return defaultScope();
      return { cells: read.value.cells, isDefault: false };
    },
    async set(cells) {
      const chosen = cells === null ? [] : uniqueCells(cells);
      await writeJsonFile(path, { cells: chosen });
      return chosen.length === 0 ? defaultScope() : { cells: chosen, isDefault: false };
    },
  };
}
