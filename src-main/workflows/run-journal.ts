import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KeywardError } from '../../src-shared/errors';
import { workflowRunSchema, type WorkflowRun } from '../../src-shared/models/workflow-plan';
import type { Logger } from '../log/logger';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

export interface RunJournal {
  /** Written atomically (temp file, fsync, rename): after a crash the file is the old or the new run. */
  save(run: WorkflowRun): Promise<void>;
  load(runId: string): Promise<WorkflowRun>;
  list(): Promise<WorkflowRun[]>;
  readonly dir: string;
}

/** Runs journaled as one JSON file each under `<data dir>/workflow-runs/`. */
export function createRunJournal(dataDir: string, logger: Logger): RunJournal {
  const dir = join(dataDir, 'workflow-runs');
  const pathOf = (runId: string) => join(dir, `${runId}.json`);

  async function read(runId: string): Promise<WorkflowRun | undefined> {
    const found = await readJsonFile(pathOf(runId), workflowRunSchema);
    if (found.state === 'ok') return found.value;
    if (found.state === 'corrupt') {
      logger.log('warn', 'a workflow run journal was unreadable and was moved aside', {
        backupPath: found.backupPath,
        reason: found.reason,
      });
    }
    return undefined;
  }

  return {
    dir,
    save: (run) => writeJsonFile(pathOf(run.runId), run),
    async load(runId) {
      const run = await read(runId);
      if (!run) throw new KeywardError('not-found', `There is no run ${runId}.`);
      return run;
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const runs = await Promise.all(
        names.filter((n) => /^[a-z0-9-]+\.json$/.test(n)).map((n) => read(n.slice(0, -5))),
      );
      return runs
        .filter((run): run is WorkflowRun => run !== undefined)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
