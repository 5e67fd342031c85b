import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly immutable: boolean;
}

/** Serves files of the built renderer only; `/` is index.html; anything outside the folder is not found. */
export function createStaticFiles(rootDir: string) {
  const root = normalize(rootDir + sep);
  return async function lookup(urlPath: string): Promise<StaticFile | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const path = normalize(join(root, relative));
    if (!path.startsWith(root)) return undefined;
    const type = contentTypes[extname(path).toLowerCase()];
    if (!type) return undefined;
    try {
      if (!(await stat(path)).isFile()) return undefined;
      return {
        body: await readFile(path),
        contentType: type,
        immutable: relative.startsWith('assets/'),
      };
    } catch {
      return undefined;
    }
  };
}
