import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string | undefined {
  return chromiumCandidates.find((path) => existsSync(path));
}

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Starts a program detached from this process; a seam so tests can see the command line. */
export type Spawner = (command: string, args: readonly string[]) => { unref(): void };

const spawnDetached: Spawner = (command, args) =>
  spawn(command, args, { detached: true, stdio: 'ignore' });

export interface AppWindowOptions {
  readonly chromium?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly spawn?: Spawner;
}

/**
 * Opens the console in a Chromium app window (no tabs, no address bar) when one can be shown.
 * Chromium's command line is readable by every local user (/proc/<pid>/cmdline), so the window
 * is opened at a fresh single-use launch address, never at one that carries the session token.
 */
export function openAppWindow(
  host: { launchUrl(): string },
  dataDir: string,
  options: AppWindowOptions = {},
): string | undefined {
  const chromium = 'chromium' in options ? options.chromium : findChromium();
  if (!chromium) return 'Chromium was not found; open the address above in a browser.';
  if (!hasDisplay(options.env ?? process.env))
    return 'No display is available; open the address above in a browser.';
  const args = [
    `--app=${host.launchUrl()}`,
    `--user-data-dir=${join(dataDir, 'browser-window')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  (options.spawn ?? spawnDetached)(chromium, args).unref();
  return undefined;
}

/**
 * Opens a page (IAM Identity Center's verification page) in a normal Chromium window of the same
 * profile as the app window, the way the web host opens the console. Throws when it cannot.
 */
export function openUrlInBrowser(url: string, dataDir: string, env = process.env): void {
  const chromium = findChromium();
  if (!chromium) throw new Error('Chromium was not found');
  if (!hasDisplay(env)) throw new Error('no display is available');
  const args = [`--user-data-dir=${join(dataDir, 'browser-window')}`, '--no-first-run'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push(url);
  const child = spawn(chromium, args, { detached: true, stdio: 'ignore' });
  child.unref();
}
