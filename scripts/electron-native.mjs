#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into .cache/electron-native/<version>/, so a
// development Electron can load the sandbox's database while node_modules keeps the Node build
// the tests use. Tries the project's prebuilt binary first (prebuild-install, from GitHub), then
// compiles with node-gyp against Electron's headers (from electronjs.org). Prints the addon path
// on stdout; exits non-zero with one line saying why when neither is reachable.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const target = join(root, '.cache', 'electron-native', electronVersion);
const addon = join(target, 'better_sqlite3.node');

if (existsSync(addon)) {
  console.log(addon);
  process.exit(0);
}

const work = join(target, 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(sqliteDir, work, {
  recursive: true,
  filter: (path) => !path.includes(`${sqliteDir}/build`),
});

const bin = (name) => join(root, 'node_modules', '.bin', name);
const attempts = [
  [bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion]],
  [
    bin('node-gyp'),
    [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
  ],
];
const failures = [];
for (const [command, args] of attempts) {
  const run = spawnSync(command, args, { cwd: work, encoding: 'utf8', timeout: 600_000 });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.status === 0 && existsSync(built)) {
    cpSync(built, addon);
    rmSync(work, { recursive: true, force: true });
    console.log(addon);
    process.exit(0);
  }
  const why = `${run.stderr ?? ''}${run.stdout ?? ''}`
    .split('\n')
    .find((line) => /err|fail/i.test(line));
  failures.push(`${command.split('/').pop()}: ${why?.trim() ?? `exit ${run.status}`}`);
}
rmSync(work, { recursive: true, force: true });
console.error(
  `could not build better-sqlite3 for Electron ${electronVersion} (${failures.join('; ')})`,
);
process.exit(1);
