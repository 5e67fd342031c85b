import { join } from 'node:path';
import {
  openSqliteDatabase,
  type OpenSqliteOptions,
  type SqliteDatabase,
} from '../../src-node/sqlite/open-database';

const DATABASE_FILE = 'sandbox.db';
const SCHEMA_VERSION = '1';

/** Opens (creating if needed) `<dataDir>/sandbox.db` and brings its schema up to date. */
export function openDatabase(dataDir: string, opts: OpenSqliteOptions = {}): SqliteDatabase {
  const db = openSqliteDatabase(join(dataDir, DATABASE_FILE), opts);
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
