import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../../src-main/storage/private-files';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE = 'sandbox.db';
const SCHEMA_VERSION = '1';

/**
 * Opens (creating if needed) `<dataDir>/sandbox.db` in WAL mode. `synchronous = NORMAL` in WAL
 * mode means a committed transaction survives the process being killed (it is in the WAL file
 * and the OS page cache); only a power loss can lose the last commits. That is the durability
 * `kill -9` needs, at a fraction of the cost of FULL.
 */
export function openDatabase(
  dataDir: string,
  opts: { readonly reset?: boolean; readonly nativeBinding?: string } = {},
): SqliteDatabase {
  if (opts.nativeBinding !== undefined && !existsSync(opts.nativeBinding)) {
    throw new Error(
      `The SQLite driver for this runtime is missing: ${opts.nativeBinding} does not exist. ` +
        'Run `node scripts/electron-native.mjs` (npm start does it) to build it.',
    );
  }
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  if (opts.reset === true) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
  // SQLite would create the file 0644, and creates -wal and -shm with the database's own mode.
  ensurePrivateFile(file);
  const db = new Database(
    file,
    opts.nativeBinding !== undefined ? { nativeBinding: opts.nativeBinding } : {},
  );
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MB: keeps the event indexes' hot pages in memory
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_autocheckpoint = 4000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS documents (
      account TEXT NOT NULL, region TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
      seq INTEGER NOT NULL, body TEXT NOT NULL,
      PRIMARY KEY (account, region, kind, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      account TEXT NOT NULL, region TEXT NOT NULL, event_time INTEGER NOT NULL,
      event_name TEXT NOT NULL, event_source TEXT NOT NULL, username TEXT,
      access_key_id TEXT, read_only INTEGER NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_by_time ON events (account, region, event_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS events_by_name ON events (account, region, event_name, event_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS events_by_source ON events (account, region, event_source, event_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS events_by_user ON events (account, region, username, event_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS events_by_key ON events (account, region, access_key_id, event_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS events_by_ro ON events (account, region, read_only, event_time DESC, seq DESC);
    CREATE TABLE IF NOT EXISTS event_resources (
      event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
      account TEXT NOT NULL, region TEXT NOT NULL, event_time INTEGER NOT NULL,
      resource_type TEXT, resource_name TEXT
    );
    CREATE INDEX IF NOT EXISTS resources_by_name ON event_resources (account, region, resource_name, event_time DESC, event_seq DESC);
    CREATE INDEX IF NOT EXISTS resources_by_type ON event_resources (account, region, resource_type, event_time DESC, event_seq DESC);
    CREATE INDEX IF NOT EXISTS resources_by_event ON event_resources (event_seq);
  `);
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
}

export function readMeta(db: SqliteDatabase, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}
