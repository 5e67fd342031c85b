import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from './database';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the sandbox database driver', () => {
  it('loads an explicitly named addon (how a development Electron gets its own build)', () => {
    const packageDir = dirname(
      createRequire(import.meta.url).resolve('better-sqlite3/package.json'),
    );
    const nodeBuild = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    const db = openDatabase(fresh(), { nativeBinding: nodeBuild });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('names the missing addon and how to build it', () => {
    expect(() => openDatabase(fresh(), { nativeBinding: '/nowhere/better_sqlite3.node' })).toThrow(
      /\/nowhere\/better_sqlite3\.node does not exist.*electron-native\.mjs/,
    );
  });
});

describe.skipIf(process.platform === 'win32')('the sandbox database files', () => {
  it('are created owner-only: the folder 0700, the database and its -wal and -shm 0600', () => {
    const dir = join(fresh(), 'sandbox');
    const db = openDatabase(dir);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('written', 'yes');
    const modeOf = (name: string) => statSync(join(dir, name)).mode & 0o777;
    expect(modeOf('.')).toBe(0o700);
    expect(modeOf(DATABASE_FILE)).toBe(0o600);
    expect(modeOf(`${DATABASE_FILE}-wal`)).toBe(0o600);
    expect(modeOf(`${DATABASE_FILE}-shm`)).toBe(0o600);
    db.close();
  });
});
