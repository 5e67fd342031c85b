#!/usr/bin/env node
// Runs a command inside a D-Bus session with an unlocked GNOME Keyring (a real Secret Service),
// so tests that store secrets use the OS keychain as users do. On macOS and Windows, and when
// already inside such a session, the command runs as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-keyring.mjs <command> [args…]');
  process.exit(2);
}

const has = (binary) =>
  spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
const needsSession = process.platform === 'linux' && process.env.KEYWARD_KEYRING_READY !== '1';

let result;
if (needsSession) {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'with-keyring: dbus-run-session and gnome-keyring-daemon are needed for the keychain tests.\n' +
        '  Debian/Ubuntu: sudo apt-get install dbus gnome-keyring libsecret-tools',
    );
    process.exit(1);
  }
  // A keyring of its own per run (XDG_DATA_HOME/keyrings), so parallel runs never share one.
  const keyringHome = mkdtempSync(join(tmpdir(), 'keyward-keyring-'));
  const script =
    'printf keyward-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || exit 1; ' +
    'export KEYWARD_KEYRING_READY=1; exec "$@"';
  result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: keyringHome },
  });
  rmSync(keyringHome, { recursive: true, force: true });
} else {
  result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}
process.exit(result.status ?? 1);
