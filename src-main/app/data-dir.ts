import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Keyward keeps its data when the host is not told otherwise: the same folder Electron's
 * `userData` uses for the app name "Keyward", so both hosts share profiles and settings.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.KEYWARD_DATA_DIR) return env.KEYWARD_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Keyward');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Keyward');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Keyward');
}
