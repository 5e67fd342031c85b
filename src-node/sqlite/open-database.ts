import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../fs/private-files';

export type SqliteDatabase = Database.Database;

export interface OpenSqliteOptions {
  /** Delete the file (with its WAL and shared-memory files) before opening. */
  readonly reset?: boolean;
  /** The better-sqlite3 addon to load; default: the one this runtime needs (see below). */
  readonly nativeBinding?: string;
}

/**
 * The better-sqlite3 addon this process must load, or undefined for the package's own. Under
 * Node (tests, browser mode, the standalone sandbox) node_modules has the right build, and a
 * packaged app needs nothing either: electron-builder rebuilds the addon for Electron in place.
 * Only a development Electron differs: `npm start` builds a copy for its ABI and names it in
 * KEYWARD_SQLITE_BINDING.
 */
export function sqliteBindingForRuntime(
  env: NodeJS.ProcessEnv = process.env,
  versions: { readonly electron?: string | undefined } = process.versions,
): string | undefined {
  const binding = env.KEYWARD_SQLITE_BINDING;
  return versions.electron && binding ? binding : undefined;
}

/**
 * Opens (creating it and its folder if needed, owner-only: 0700 and 0600) a SQLite file in WAL mode, with the addon this
 * runtime needs. `synchronous = NORMAL` in WAL mode means a committed transaction survives the
 * process being killed (it is in the WAL file and the OS page cache); only a power loss can lose
 * the last commits. That is the durability `kill -9` needs, at a fraction of the cost of FULL.
 */
export function openSqliteDatabase(file: string, opts: OpenSqliteOptions = {}): SqliteDatabase {
  const nativeBinding = opts.nativeBinding ?? sqliteBindingForRuntime();
  if (nativeBinding !== undefined && !existsSync(nativeBinding)) {
    throw new Error(
      `The SQLite driver for this runtime is missing: ${nativeBinding} does not exist. ` +
        'Run `node scripts/electron-native.mjs` (npm start does it) to build it.',
    );
  }
  ensurePrivateDir(dirname(file));
  if (opts.reset === true) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
  // SQLite would create the file 0644, and creates -wal and -shm with the database's own mode.
  ensurePrivateFile(file);
  const db = new Database(file, nativeBinding !== undefined ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MB: keeps hot index pages (event searches) in memory
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_autocheckpoint = 4000');
  return db;
}
