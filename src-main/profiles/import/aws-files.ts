import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles, type ParsedIniData } from '@smithy/shared-ini-file-loader';
import { KeywardError } from '../../../src-shared/errors';
import type { AwsFileInfo } from '../../../src-shared/models/profile-import';

/** Where the AWS CLI's files are: the env vars win, as the CLI and the SDK do it. */
export interface AwsFilesEnv {
  readonly AWS_CONFIG_FILE?: string | undefined;
  readonly AWS_SHARED_CREDENTIALS_FILE?: string | undefined;
  readonly HOME?: string | undefined;
}

export interface AwsFilePaths {
  readonly config: string;
  readonly credentials: string;
}

export function awsFilePaths(env: AwsFilesEnv, home = env.HOME || homedir()): AwsFilePaths {
  const expand = (path: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    config: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function readAwsFile(path: string): Promise<{ info: AwsFileInfo; text: string }> {
  try {
    const text = await readFile(path, 'utf8');
    return { info: { path, exists: true, sha256: sha256(text) }, text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { info: { path, exists: false, sha256: null }, text: '' };
    throw new KeywardError(
      'invalid-state',
      `Keyward could not read ${path} (${code ?? 'error'}).`,
      {
        hint: 'Check that the file is readable by you (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name other files).',
      },
    );
  }
}

export interface ParsedAwsFiles {
  readonly files: { readonly config: AwsFileInfo; readonly credentials: AwsFileInfo };
  /** `[profile x]` / `[default]` sections of the config file, by profile name. */
  readonly configProfiles: ParsedIniData;
  /** `[sso-session x]` sections of the config file, by session name. */
  readonly ssoSessions: ParsedIniData;
  readonly credentialsProfiles: ParsedIniData;
}

const SSO_SESSION_PREFIX = 'sso-session.';

/** Reads both files with the SDK's own parser (the same reading the CLI-compatible providers do). */
export async function loadAwsFiles(paths: AwsFilePaths): Promise<ParsedAwsFiles> {
  const [config, credentials] = await Promise.all([
    readAwsFile(paths.config),
    readAwsFile(paths.credentials),
  ]);
  const parsed = await loadSharedConfigFiles({
    configFilepath: paths.config,
    filepath: paths.credentials,
    ignoreCache: true,
  });
  const configProfiles: ParsedIniData = {};
  const ssoSessions: ParsedIniData = {};
  for (const [key, section] of Object.entries(parsed.configFile)) {
    if (key.startsWith(SSO_SESSION_PREFIX))
      ssoSessions[key.slice(SSO_SESSION_PREFIX.length)] = section;
    else if (!key.startsWith('services.')) configProfiles[key] = section;
  }
  return {
    files: { config: config.info, credentials: credentials.info },
    configProfiles,
    ssoSessions,
    credentialsProfiles: parsed.credentialsFile,
  };
}
