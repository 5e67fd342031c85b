import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, ensurePrivateFile, tightenTree } from './private-files';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-private-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('creates missing directories 0700, parents too, and tightens an existing one', () => {
    const root = fresh();
    const nested = join(root, 'a', 'b');
    ensurePrivateDir(nested);
    expect(modeOf(join(root, 'a'))).toBe(0o700);
    expect(modeOf(nested)).toBe(0o700);
    chmodSync(nested, 0o755);
    ensurePrivateDir(nested);
    expect(modeOf(nested)).toBe(0o700);
  });

  it('creates a missing file 0600 and tightens an existing one without touching its content', () => {
    const root = fresh();
    const created = join(root, 'new.db');
    ensurePrivateFile(created);
    expect(modeOf(created)).toBe(0o600);
    expect(readFileSync(created, 'utf8')).toBe('');
    const existing = join(root, 'old.log');
    writeFileSync(existing, 'kept', { mode: 0o644 });
    chmodSync(existing, 0o644);
    ensurePrivateFile(existing);
    expect(modeOf(existing)).toBe(0o600);
    expect(readFileSync(existing, 'utf8')).toBe('kept');
  });

  it('takes group and other access off a whole tree, never adds any, never follows a link', () => {
    const root = fresh();
    const outside = fresh();
    mkdirSync(join(root, 'logs', 'old'), { recursive: true });
    writeFileSync(join(root, 'logs', 'main.log'), 'x');
    writeFileSync(join(root, 'logs', 'old', 'rotated.log'), 'x');
    writeFileSync(join(root, 'read-only'), 'x');
    writeFileSync(join(outside, 'elsewhere'), 'x');
    symlinkSync(join(outside, 'elsewhere'), join(root, 'link'));
    for (const dir of [root, join(root, 'logs'), join(root, 'logs', 'old')]) chmodSync(dir, 0o755);
    chmodSync(join(root, 'logs', 'main.log'), 0o644);
    chmodSync(join(root, 'logs', 'old', 'rotated.log'), 0o666);
    chmodSync(join(root, 'read-only'), 0o444);
    chmodSync(join(outside, 'elsewhere'), 0o644);

    expect(tightenTree(root)).toEqual([]);

    expect(modeOf(root)).toBe(0o700);
    expect(modeOf(join(root, 'logs'))).toBe(0o700);
    expect(modeOf(join(root, 'logs', 'old'))).toBe(0o700);
    expect(modeOf(join(root, 'logs', 'main.log'))).toBe(0o600);
    expect(modeOf(join(root, 'logs', 'old', 'rotated.log'))).toBe(0o600);
    expect(modeOf(join(root, 'read-only'))).toBe(0o400);
    expect(modeOf(join(outside, 'elsewhere'))).toBe(0o644);
  });

  it('answers nothing for a tree that does not exist', () => {
    expect(tightenTree(join(fresh(), 'missing'))).toEqual([]);
  });
});
