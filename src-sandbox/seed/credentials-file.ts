import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_KEY } from '../identity/model';
import type { StoreReader } from '../state/store-types';
import { DEFAULT_REGION } from './demo-world';
import { PROFILE, SANDBOX_SCOPE } from './seeder';

export const CREDENTIALS_FILE = 'aws-credentials';
export const CONFIG_FILE = 'aws-config';

function atomicWrite(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, path);
}

/**
 * Writes `<dataDir>/aws-credentials` (shared-credentials format) and `<dataDir>/aws-config`
 * for every seeded profile, from the keys currently in the store.
 */
export function writeCredentialFiles(
  dataDir: string,
  store: StoreReader,
  endpoint: string,
): { credentialsFile: string; configFile: string } {
  const header = [
    '# Keyward sandbox: these are NOT real AWS credentials (keys start with AKIASANDBOX).',
    `# They work only against the sandbox at ${endpoint}`,
    '',
  ];
  const creds = [...header];
  const config = [...header];
  for (const p of store.list(PROFILE, SANDBOX_SCOPE)) {
    const key = store.findById(ACCESS_KEY, p.accessKeyId)?.value;
    if (!key) continue;
    creds.push(
      `# ${p.description}`,
      `[${p.profile}]`,
      `aws_access_key_id = ${key.accessKeyId}`,
      `aws_secret_access_key = ${key.secretAccessKey}`,
      '',
    );
    config.push(`[profile ${p.profile}]`, `region = ${DEFAULT_REGION}`, '');
  }
  const credentialsFile = join(dataDir, CREDENTIALS_FILE);
  const configFile = join(dataDir, CONFIG_FILE);
  atomicWrite(credentialsFile, creds.join('\n'));
  atomicWrite(configFile, config.join('\n'));
  return { credentialsFile, configFile };
}

/** Parses a shared-credentials file (for tests and tools). */
export function readCredentialsFile(
  text: string,
): Record<string, { accessKeyId: string; secretAccessKey: string }> {
  const out: Record<string, { accessKeyId: string; secretAccessKey: string }> = {};
  let current: string | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    const section = /^\[(.+)]$/.exec(line);
    if (section?.[1] !== undefined) {
      current = section[1];
      out[current] = { accessKeyId: '', secretAccessKey: '' };
      continue;
    }
    const kv = /^(\w+)\s*=\s*(.+)$/.exec(line);
    const entry = current === undefined ? undefined : out[current];
    if (!kv || !entry) continue;
    if (kv[1] === 'aws_access_key_id') out[current ?? ''] = { ...entry, accessKeyId: kv[2] ?? '' };
    if (kv[1] === 'aws_secret_access_key')
      out[current ?? ''] = { ...entry, secretAccessKey: kv[2] ?? '' };
  }
  return out;
}
