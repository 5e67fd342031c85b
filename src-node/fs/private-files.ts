import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Keyward's folders hold profile names, account ids, logs and the sandbox's keys: owner only.
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `path` and its missing parents 0700; an existing folder loses group and other access. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(path);
}

/** Creates `path` empty and 0600 when missing; an existing file keeps its bytes and loses group and other access. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tighten(path);
}

/**
 * Takes group and other access off `root` and everything below it (a 0755 folder becomes 0700, a
 * 0644 file 0600), never adding any. Links are neither followed nor changed. Answers the paths it
 * could not change (another user's file, say) so the caller can report them.
 */
export function tightenTree(root: string): string[] {
  // Windows has no mode bits to tighten: the profile folders' ACLs already keep other users out.
  if (process.platform === 'win32') return [];
  const failed: string[] = [];
  const visit = (path: string): void => {
    let isDirectory: boolean;
    try {
      isDirectory = tighten(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') failed.push(path);
      return;
    }
    if (!isDirectory) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      failed.push(path);
      return;
    }
    for (const name of names) visit(join(path, name));
  };
  visit(root);
  return failed;
}

/** Tightens one folder or regular file; answers whether it is a folder (to walk into). */
function tighten(path: string): boolean {
  const stats = lstatSync(path);
  if (!stats.isDirectory() && !stats.isFile()) return false;
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
  return stats.isDirectory();
}
