import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, sqliteBindingForRuntime } from './open-database';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'node-sqlite-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite opener', () => {
  it('creates the file and its folder, in WAL mode', () => {
    const file = join(fresh(), 'nested', 'x.db');
    const db = openSqliteDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('starts from nothing when asked to reset', () => {
    const file = join(fresh(), 'x.db');
    const first = openSqliteDatabase(file);
    first.exec('CREATE TABLE t (x)');
    first.close();
    const again = openSqliteDatabase(file, { reset: true });
    expect(again.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all()).toEqual([]);
    again.close();
  });

  it('loads an explicitly named addon (how a development Electron gets its own build)', () => {
    const packageDir = dirname(
      createRequire(import.meta.url).resolve('better-sqlite3/package.json'),
    );
    const nodeBuild = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    const db = openSqliteDatabase(join(fresh(), 'x.db'), { nativeBinding: nodeBuild });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('names the missing addon and how to build it', () => {
    expect(() =>
      openSqliteDatabase(join(fresh(), 'x.db'), { nativeBinding: '/nowhere/better_sqlite3.node' }),
    ).toThrow(/\/nowhere\/better_sqlite3\.node does not exist.*electron-native\.mjs/);
  });
});

describe('the addon each runtime loads', () => {
  const env = { KEYWARD_SQLITE_BINDING: '/cache/electron-native/45/better_sqlite3.node' };

  it('is the Electron build npm start names, under a development Electron', () => {
    expect(sqliteBindingForRuntime(env, { electron: '45.5.0' })).toBe(env.KEYWARD_SQLITE_BINDING);
  });

  it('is the package’s own under Node, whatever the environment says', () => {
    expect(sqliteBindingForRuntime(env, {})).toBe(undefined);
  });

  it('is the package’s own in Electron without a named build (a packaged app)', () => {
    expect(sqliteBindingForRuntime({}, { electron: '45.5.0' })).toBe(undefined);
  });
});

describe.skipIf(process.platform === 'win32')('the SQLite files', () => {
  it('are created owner-only: the folder 0700, the database and its -wal and -shm 0600', () => {
    const dir = join(fresh(), 'sandbox');
    const db = openSqliteDatabase(join(dir, 'x.db'));
    db.exec('CREATE TABLE t (v TEXT); INSERT INTO t VALUES (1)');
    const modeOf = (name: string) => statSync(join(dir, name)).mode & 0o777;
    expect(modeOf('.')).toBe(0o700);
    expect(modeOf('x.db')).toBe(0o600);
    expect(modeOf('x.db-wal')).toBe(0o600);
    expect(modeOf('x.db-shm')).toBe(0o600);
    db.close();
  });
});
