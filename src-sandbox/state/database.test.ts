import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

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
