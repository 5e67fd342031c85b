import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readCredentialsFile } from '../../src-sandbox/seed/credentials-file';

export interface StandaloneSandbox {
  readonly endpoint: string;
  readonly credentialsFile: string;
  readonly configFile: string;
  credentials(profile: string): { accessKeyId: string; secretAccessKey: string };
  /** CPU time (ms) the sandbox process has used so far (Linux /proc; null elsewhere). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/**
 * `npm run sandbox` in its own process (its CPU is not the inventory's), on a fresh data dir,
 * with the given flags; resolves once it prints where it listens.
 */
export async function startStandaloneSandbox(flags: readonly string[]): Promise<StandaloneSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kw-bench-inventory-'));
  const child = spawn(
    process.execPath,
    [
      // tsx as a loader, not its CLI: the pid is the sandbox's own process (its CPU is read).
      '--import',
      'tsx',
      'src-sandbox/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--reset',
      ...flags,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const seen: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^(listening on|credentials:|config:) (\S+)/.exec(line);
      if (m?.[1] && m[2]) seen[m[1]] = m[2];
      if (seen['listening on'] && seen['credentials:'] && seen['config:']) resolve();
    });
  });
  const credentialsFile = seen['credentials:'] ?? '';
  const all = readCredentialsFile(readFileSync(credentialsFile, 'utf8'));
  return {
    endpoint: seen['listening on'] ?? '',
    credentialsFile,
    configFile: seen['config:'] ?? '',
    credentials(profile) {
      const found = all[profile];
      if (!found) throw new Error(`no profile ${profile} in ${credentialsFile}`);
      return found;
    },
    cpuMs() {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    },
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
