import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The dev server needs HMR's websocket and React Refresh's inline preamble; builds never do. */
const relaxCspForDevServer: Plugin = {
  name: 'keyward:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
};

// Entries are named explicitly because the folders are src-* (style.md A.2).
export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve('src-main/index.ts'),
          'browser-mode': resolve('src-main/browser-mode.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file (the package is "type": "module").
      lib: { entry: resolve('src-preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    publicDir: resolve('assets/app'),
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: {
        input: resolve('src-renderer/index.html'),
        output: {
          // Everything the entry imports statically goes into the entry chunk: the shell loads
          // one file (it compresses better whole) and lazy chunks share only lazily used code.
          codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
          // Names survive so the component stack ErrorBoundary copies still reads
          // "at KeysPage" (about 12 kB gzip of the initial bundle).
          minify: {
            compress: { keepNames: { function: true, class: true } },
            mangle: { keepNames: true },
          },
        },
      },
      // electron-vite leaves the renderer unminified; every window start parses this code.
      minify: true,
      // Each chunk's static and lazy imports, for scripts/report-bundle-size.ts.
      manifest: true,
      chunkSizeWarningLimit: 1500,
    },
    plugins: [react(), relaxCspForDevServer],
  },
});
