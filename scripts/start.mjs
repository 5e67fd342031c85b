#!/usr/bin/env node
// `npm start`: build what is stale, then run the Electron window when its binary is present
// (fetching it with Electron's own installer if missing, once: a failed fetch is remembered
// until `npm run electron:fetch`), else browser mode.
// Arguments after `--` go to the host (e.g. `npm start -- --data-dir /tmp/k --no-open`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron, resolveElectronForStart } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'out', '.build-stamp');
const sources = [
  'src-main',
  'src-preload',
  'src-renderer',
  'src-shared',
  'src-sandbox',
  'assets/app',
  'electron.vite.config.ts',
  'package.json',
];
const hostArgs = process.argv.slice(2);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stats.mtimeMs,
  );
}

function buildIfStale() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (built >= changed && existsSync(join(root, 'out/main/browser-mode.js'))) return;
  console.log('keyward: building (sources changed since the last build)…');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

buildIfStale();
const electron =
  process.env.KEYWARD_BROWSER_MODE === '1'
    ? { why: 'KEYWARD_BROWSER_MODE=1 is set' }
    : resolveElectronForStart({ root, electron: findElectron(import.meta.url) });
let why = electron.why;

// The sandbox's SQLite addon in node_modules is built for Node; Electron needs its own copy.
let sqliteBinding;
if (electron.binary && !why) {
  const native = spawnSync(process.execPath, [join(root, 'scripts/electron-native.mjs')], {
    encoding: 'utf8',
  });
  if (native.status === 0) sqliteBinding = native.stdout.trim();
  else why = `the sandbox's SQLite driver could not be built for Electron: ${native.stderr.trim()}`;
}

if (electron.binary && !why) {
  process.env.KEYWARD_SQLITE_BINDING = sqliteBinding;
  run(electron.binary, [join(root, 'out/main/index.js'), ...hostArgs]);
} else {
  console.log(`keyward: Electron binary unavailable — ${why}; starting browser mode.`);
  run(process.execPath, [join(root, 'out/main/browser-mode.js'), ...hostArgs]);
}
