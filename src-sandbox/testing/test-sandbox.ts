import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCredentialsFile } from '../seed/credentials-file';
import { start, type RunningSandbox, type StartOptions } from '../server';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface TestSandbox {
  readonly sandbox: RunningSandbox;
  readonly dataDir: string;
  /** Credentials of a profile in the written credentials file. */
  credentials(profile: string): Credentials;
  /** Options for an SDK client: endpoint, region, credentials of `profile`, one attempt. */
  client(
    profile: string | Credentials,
    region?: string,
  ): {
    endpoint: string;
    region: string;
    credentials: Credentials;
    maxAttempts: number;
  };
  /** Stops the server (keeps the data dir unless `cleanup`). */
  stop(cleanup?: boolean): Promise<void>;
}

/**
 * Starts a sandbox on port 0 in a fresh temp dir (or `dataDir`). KMS request quotas are off
 * unless asked for (tests create keys faster than AWS's 5 CreateKey per second).
 */
export async function startTestSandbox(options: Partial<StartOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keyward-sandbox-'));
  const sandbox = await start({
    kmsRequestQuotas: 'off',
    ...options,
    dataDir,
    port: options.port ?? 0,
  });
  const credentials = (profile: string): Credentials => {
    const all = readCredentialsFile(readFileSync(sandbox.credentialsFile, 'utf8'));
    const found = all[profile];
    if (!found) throw new Error(`no profile ${profile}`);
    return found;
  };
  return {
    sandbox,
    dataDir,
    credentials,
    client: (profile, region = 'us-east-1') => ({
      endpoint: sandbox.endpoint,
      region,
      credentials: typeof profile === 'string' ? credentials(profile) : profile,
      maxAttempts: 1,
    }),
    async stop(cleanup = true) {
      await sandbox.stop();
      if (cleanup) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
