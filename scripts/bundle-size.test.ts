import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_BUDGET_BYTES, initialFiles, kB, measureBundle } from './bundle-size';
import { rendererOutDir, rendererRoots } from './report-bundle-size';

const roots = { entry: 'index.html', landingPage: 'src/pages/Home.page.tsx' };

// The shape vite writes: the entry imports a shared vendor chunk statically and the pages
// lazily; the landing page shares the vendor chunk and imports a widget lazily.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    css: ['assets/index.css'],
    imports: ['_vendor.js'],
    dynamicImports: ['src/pages/Home.page.tsx', 'src/pages/Other.page.tsx'],
  },
  '_vendor.js': { file: 'assets/vendor.js' },
  'src/pages/Home.page.tsx': {
    file: 'assets/Home.js',
    isDynamicEntry: true,
    css: ['assets/Home.css'],
    imports: ['_vendor.js', '_form.js'],
    dynamicImports: ['src/widgets/Chart.tsx'],
  },
  '_form.js': { file: 'assets/form.js' },
  'src/pages/Other.page.tsx': {
    file: 'assets/Other.js',
    isDynamicEntry: true,
    css: ['assets/Other.css'],
    imports: ['_vendor.js', '_form.js'],
  },
  'src/widgets/Chart.tsx': { file: 'assets/Chart.js', isDynamicEntry: true },
  'icon.svg': { file: 'assets/icon.svg' },
};

describe('initialFiles', () => {
  it('follows the static imports of the entry and the landing page, each file once', () => {
    expect(initialFiles(manifest, roots).sort()).toEqual([
      'assets/Home.css',
      'assets/Home.js',
      'assets/form.js',
      'assets/index.css',
      'assets/index.js',
      'assets/vendor.js',
    ]);
  });

  it('refuses a landing page that is not a lazy chunk, rather than measuring without it', () => {
    expect(() => initialFiles(manifest, { ...roots, landingPage: 'src/pages/Gone.tsx' })).toThrow(
      /landing page "src\/pages\/Gone.tsx"/,
    );
    expect(() => initialFiles(manifest, { ...roots, landingPage: '_vendor.js' })).toThrow();
  });

  it('refuses a manifest that names a chunk it does not have', () => {
    const broken = { ...manifest, '_vendor.js': undefined } as unknown as Manifest;
    expect(() => initialFiles(broken, roots)).toThrow(/no chunk "_vendor.js"/);
  });
});

describe('measureBundle', () => {
  let outDir = '';
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('sums gzip sizes: initial from the roots, total over every JS and CSS file', () => {
    outDir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
    const write = (file: string, content: string) => {
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      writeFileSync(join(outDir, file), content);
      return gzipSync(content).length;
    };
    write('.vite/manifest.json', JSON.stringify(manifest));
    const sizes = Object.fromEntries(
      [
        'assets/index.js',
        'assets/index.css',
        'assets/vendor.js',
        'assets/Home.js',
        'assets/Home.css',
        'assets/form.js',
        'assets/Other.js',
        'assets/Other.css',
        'assets/Chart.js',
      ].map((file, i) => [file, write(file, `/* ${file} */ ${'x'.repeat(i * 500)}`)]),
    );
    write('assets/icon.svg', '<svg/>');

    const size = measureBundle(outDir, roots);

    const of = (...files: string[]) => files.reduce((n, file) => n + (sizes[file] ?? NaN), 0);
    expect(size.initialGzipBytes).toBe(
      of(
        'assets/index.js',
        'assets/index.css',
        'assets/vendor.js',
        'assets/Home.js',
        'assets/Home.css',
        'assets/form.js',
      ),
    );
    expect(size.totalGzipBytes).toBe(of(...Object.keys(sizes)));
    expect(size.initial[0]?.gzipBytes).toBe(Math.max(...size.initial.map((f) => f.gzipBytes)));
  });
});

describe('the built renderer', () => {
  it('counts the page "/" leads to, which exists', () => {
    expect(rendererRoots.landingPage).toMatch(/^src\/pages\/\w+\.page\.tsx$/);
    expect(
      existsSync(join(rendererOutDir, '..', '..', 'src-renderer', rendererRoots.landingPage)),
    ).toBe(true);
  });

  const built = existsSync(join(rendererOutDir, '.vite', 'manifest.json'));

  // `npm test` builds before the unit tests, so this checks the fresh build; on a laptop without
  // out/ it is skipped, in CI (CI=true) it fails instead. The build itself fails over budget too.
  it.skipIf(!built && !process.env.CI)(
    `loads at most ${kB(INITIAL_BUDGET_BYTES)} gzip before the first page`,
    () => {
      const size = measureBundle(rendererOutDir, rendererRoots);
      expect(size.initialGzipBytes, JSON.stringify(size.initial, null, 1)).toBeLessThanOrEqual(
        INITIAL_BUDGET_BYTES,
      );
    },
  );
});
