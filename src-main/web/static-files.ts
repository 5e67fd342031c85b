import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';

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

/** Headers on every response of the renderer's origin, in browser mode and under app://. */
export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

/** The headers a renderer file is served with by either host: its type, caching and the CSP. */
export function staticFileHeaders(file: StaticFile): Record<string, string> {
  return {
    ...securityHeaders,
    'content-type': file.contentType,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    'content-security-policy': contentSecurityPolicy,
  };
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
