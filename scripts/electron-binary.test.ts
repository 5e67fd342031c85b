import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  failedFetchFile,
  forgetFailure,
  rememberFailure,
  resolveElectronForStart,
} from './electron-binary.mjs';

let root: string;
let electronDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kw-electron-'));
  electronDir = join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What Electron's installer leaves behind when the download works. */
function placeBinary(): void {
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(electronDir, 'dist', 'electron'), '');
  writeFileSync(join(electronDir, 'path.txt'), 'electron');
}

describe('npm start and the Electron download', () => {
  it('tries the download once, then remembers the failure instead of retrying on every start', () => {
    const install = vi.fn(() => 'getaddrinfo ENOTFOUND github.com');
    const electron = { dir: electronDir, version: '45.5.0' };

    const first = resolveElectronForStart({ root, electron, install });
    expect(install).toHaveBeenCalledTimes(1);
    expect(first.why).toContain('ENOTFOUND github.com');
    expect(first.why).toContain('npm run electron:fetch');

    const second = resolveElectronForStart({ root, electron, install });
    expect(install).toHaveBeenCalledTimes(1);
    expect(second.why).toMatch(/download failed on \d{4}-\d{2}-\d{2} \(getaddrinfo ENOTFOUND/);
    expect(second.why).toContain('npm run electron:fetch');
  });

  it('tries again for another electron version', () => {
    rememberFailure(root, '44.0.0', 'offline');
    const install = vi.fn(() => 'still offline');
    resolveElectronForStart({ root, electron: { dir: electronDir, version: '45.5.0' }, install });
    expect(install).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(failedFetchFile(root), 'utf8'))).toMatchObject({
      version: '45.5.0',
      reason: 'still offline',
    });
  });

  it('uses the binary when the download works, and remembers nothing', () => {
    const install = vi.fn(() => {
      placeBinary();
      return undefined;
    });
    const result = resolveElectronForStart({
      root,
      electron: { dir: electronDir, version: '45.5.0' },
      install,
    });
    expect(result.binary).toBe(join(electronDir, 'dist', 'electron'));
    expect(() => readFileSync(failedFetchFile(root))).toThrow();
  });

  it('starts the binary that is there without any download, and after electron:fetch forgets', () => {
    rememberFailure(root, '45.5.0', 'offline');
    forgetFailure(root);
    const install = vi.fn(() => 'offline');
    resolveElectronForStart({ root, electron: { dir: electronDir, version: '45.5.0' }, install });
    expect(install).toHaveBeenCalledTimes(1);

    const binary = '/opt/electron/electron';
    const present = resolveElectronForStart({
      root,
      electron: { dir: electronDir, version: '45.5.0', binary },
      install,
    });
    expect(present).toEqual({ binary });
    expect(install).toHaveBeenCalledTimes(1);
  });
});
