// Run by `npm run build` after electron-vite: prints the renderer's initial and total gzip sizes
// and fails the build when the initial size is over budget (README "Bundle budget").
import { resolve } from 'node:path';
import { landing } from '../src-renderer/src/landing';
import { INITIAL_BUDGET_BYTES, kB, measureBundle, type InitialRoots } from './bundle-size';

export const rendererOutDir = resolve(import.meta.dirname, '..', 'out', 'renderer');

/** Keys of .vite/manifest.json, relative to the renderer root (src-renderer/). */
export const rendererRoots: InitialRoots = {
  entry: 'index.html',
  // The page "/" leads to (src-renderer/src/landing.ts, which the router reads too).
  landingPage: landing.module,
};

function main(): void {
  const size = measureBundle(rendererOutDir, rendererRoots);
  console.log(
    `renderer initial: ${kB(size.initialGzipBytes)} gzip (budget ${kB(INITIAL_BUDGET_BYTES)})` +
      ` · total: ${kB(size.totalGzipBytes)} gzip`,
  );
  if (size.initialGzipBytes <= INITIAL_BUDGET_BYTES) return;
  console.error('The initial renderer code is over budget. Its files, gzipped:');
  for (const { file, gzipBytes } of size.initial) console.error(`  ${kB(gzipBytes)}  ${file}`);
  console.error('Load the page or widget that grew with import() (README "Bundle budget").');
  process.exitCode = 1;
}

if (process.argv[1] === import.meta.filename) main();
