import { join } from 'node:path';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import {
  MAX_VIEWS_PER_TABLE,
  savedViewSchema,
  tableId,
  type SavedViewModel,
} from '../../src-shared/models/saved-view';
import type { Logger } from '../log/logger';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

const storedViewsSchema = z
  .object({ tables: z.record(tableId, z.array(savedViewSchema).max(MAX_VIEWS_PER_TABLE)) })
  .strict();

type Stored = z.infer<typeof storedViewsSchema>;

export interface ViewStoreService {
  get(table: string): Promise<{ views: SavedViewModel[] }>;
  save(table: string, view: SavedViewModel): Promise<{ views: SavedViewModel[] }>;
  remove(table: string, name: string): Promise<{ views: SavedViewModel[] }>;
}

/**
 * Every table's saved views in `views.json` of the data dir. Changes are read-modify-write of one
 * file, so they run one after another (a queue), each written atomically: parallel saves of
 * different views all land.
 */
export function createViewStore(deps: { dataDir: string; logger: Logger }): ViewStoreService {
  const path = join(deps.dataDir, 'views.json');
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Stored> {
    const file = await readJsonFile(path, storedViewsSchema);
    if (file.state === 'corrupt') {
      deps.logger.log('warn', 'saved views file was unreadable and was moved aside', {
        backupPath: file.backupPath,
        reason: file.reason,
      });
    }
    return file.state === 'ok' ? file.value : { tables: {} };
  }

  function change(table: string, edit: (views: SavedViewModel[]) => SavedViewModel[]) {
    const next = queue.then(async () => {
      const stored = await read();
      const views = edit(stored.tables[table] ?? []);
      await writeJsonFile(path, { tables: { ...stored.tables, [table]: views } });
      return { views };
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async get(table) {
      await queue;
      return { views: (await read()).tables[table] ?? [] };
    },
    save: (table, view) =>
      change(table, (views) => {
        const others = views.filter((other) => other.name !== view.name);
        if (others.length >= MAX_VIEWS_PER_TABLE) {
          throw new KeywardError(
            'validation',
            `This table already has ${MAX_VIEWS_PER_TABLE} saved views, the most Keyward keeps.`,
            { hint: 'Delete a view you no longer use, then save this one.' },
          );
        }
        return [...others, view];
      }),
    remove: (table, name) => change(table, (views) => views.filter((view) => view.name !== name)),
  };
}
