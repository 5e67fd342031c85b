// Where the Electron binary is, fetching it with Electron's own installer, and remembering a
// failed fetch so that `npm start` does not pay for it again on every start (`npm run
// electron:fetch` tries again on request).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed electron package: its folder, version and binary (when downloaded). */
export function findElectron(fromUrl) {
  const require = createRequire(fromUrl);
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { dir, version };
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? { dir, version, binary } : { dir, version };
  } catch {
    return {};
  }
}

/** Runs Electron's installer; returns undefined on success, else the first line of why not. */
export function installElectron(dir) {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (install.status === 0) return undefined;
  const firstLine = `${install.stderr ?? ''}${install.stdout ?? ''}`
    .split('\n')
    .find((line) => line.trim() && !/^\s+at /.test(line));
  return (
    firstLine?.trim() ??
    (install.error ? install.error.message : `installer exited with ${install.status}`)
  );
}

/** The file that remembers a failed fetch, kept beside the build output. */
export function failedFetchFile(root) {
  return join(root, 'out', '.electron-fetch-failed.json');
}

/** The remembered failure for this electron version, if any (another version is tried anew). */
export function rememberedFailure(root, version) {
  try {
    const record = JSON.parse(readFileSync(failedFetchFile(root), 'utf8'));
    if (record && record.version === version && typeof record.reason === 'string') return record;
  } catch {
    // No record, or one we cannot read: try the download.
  }
  return undefined;
}

export function rememberFailure(root, version, reason) {
  mkdirSync(join(root, 'out'), { recursive: true });
  const record = { version, reason, at: new Date().toISOString() };
  writeFileSync(failedFetchFile(root), `${JSON.stringify(record, null, 2)}\n`);
}

export function forgetFailure(root) {
  rmSync(failedFetchFile(root), { force: true });
}

/**
 * What `npm start` runs: the Electron binary when there is one; otherwise one fetch attempt,
 * unless an earlier start already failed to fetch this version.
 * Returns { binary } or { why } (why browser mode).
 */
export function resolveElectronForStart({ root, electron, install = installElectron }) {
  if (!electron.dir) return { why: 'the electron package is not installed' };
  if (electron.binary) return { binary: electron.binary };
  const earlier = rememberedFailure(root, electron.version);
  if (earlier) {
    return {
      why:
        `its download failed on ${earlier.at.slice(0, 10)} (${earlier.reason}); not retried on ` +
        'every start — run `npm run electron:fetch` to try again',
    };
  }
  const failure = install(electron.dir);
  const after = findElectronIn(electron.dir);
  if (after) return { binary: after };
  const reason = failure ?? 'no binary after install';
  rememberFailure(root, electron.version, reason);
  return {
    why: `its download failed (${reason}); run \`npm run electron:fetch\` to try again`,
  };
}

function findElectronIn(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
