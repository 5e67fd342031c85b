import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from 'vite';

/** The shell plus the landing page, gzipped (issue 10 §3). kB as vite prints them: 1000 bytes. */
export const INITIAL_BUDGET_BYTES = 300_000;

/**
 * What the renderer loads before the first page shows: the HTML entry and the landing page's
 * chunk (its route is lazy, but it is always fetched at start), each with every chunk it
 * imports statically, and the CSS of all of these. Chunks reached only through `import()` —
 * the other pages, widgets loaded on first use — are not initial.
 */
export interface InitialRoots {
  /** Manifest key of the HTML entry, e.g. `index.html`. */
  readonly entry: string;
  /** Manifest key of the landing page's module, e.g. `src/pages/Keys.page.tsx`. */
  readonly landingPage: string;
}

export interface FileSize {
  readonly file: string;
  readonly gzipBytes: number;
}

export interface BundleSize {
  /** The files of {@link InitialRoots}, largest first. */
  readonly initial: readonly FileSize[];
  readonly initialGzipBytes: number;
  /** Every JS and CSS file the build emitted. */
  readonly totalGzipBytes: number;
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The files of `roots` and of every chunk they import statically, each once. */
export function initialFiles(manifest: Manifest, roots: InitialRoots): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}".`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(roots.entry);
  if (!manifest[roots.landingPage]?.isDynamicEntry) {
    throw new Error(
      `The landing page "${roots.landingPage}" is not a lazily loaded chunk of this build: ` +
        'update the roots in scripts/report-bundle-size.ts if it moved.',
    );
  }
  visit(roots.landingPage);
  return [...files];
}

/** All JS and CSS files of the build, each once. */
export function allCodeFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    if (/\.(js|css)$/.test(chunk.file)) files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files];
}

export function measureBundle(outDir: string, roots: InitialRoots): BundleSize {
  const manifest = readManifest(outDir);
  const gzipBytes = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
  const sum = (sizes: readonly FileSize[]) => sizes.reduce((n, size) => n + size.gzipBytes, 0);
  const initial = initialFiles(manifest, roots)
    .map((file) => ({ file, gzipBytes: gzipBytes(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const total = allCodeFiles(manifest).map((file) => ({ file, gzipBytes: gzipBytes(file) }));
  return { initial, initialGzipBytes: sum(initial), totalGzipBytes: sum(total) };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
