import { randomBytes } from 'node:crypto';
import { readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeywardError } from '../../src-shared/errors';
import type { DiagnosticCheck, DiagnosticsReport } from '../../src-shared/models/diagnostics';
import type { OperationContext } from '../operations/operation-context';
import { describeNetwork } from '../aws/network/network-status';
import type { CredentialStores } from '../credentials/credential-stores';
import type { SettingsStore } from '../settings/settings-store';

interface Check {
  readonly id: string;
  readonly title: string;
  /** A title that depends on the setup at the time it runs (which credential store is in use). */
  titleNow?(): Promise<string>;
  run(): Promise<Omit<DiagnosticCheck, 'id' | 'title'>>;
}

const LOW_DISK_BYTES = 512 * 1024 * 1024;

/** Read-mostly health checks a user runs from Settings before trusting the console with secrets. */
export function createDiagnostics(deps: {
  dataDir: string;
  settings: SettingsStore;
  credentialStores: Pick<CredentialStores, 'secrets' | 'status'>;
}) {
  const { dataDir, settings, credentialStores } = deps;
  const { secrets } = credentialStores;

  const checks: readonly Check[] = [
    {
      id: 'data-dir',
      title: 'Data directory is writable',
      async run() {
        const probe = join(dataDir, `.probe-${randomBytes(4).toString('hex')}`);
        await writeFile(probe, 'probe');
        const back = await readFile(probe, 'utf8');
        await rm(probe);
        return back === 'probe'
          ? { outcome: 'pass', detail: dataDir }
          : { outcome: 'fail', detail: `${dataDir} returned different bytes than were written` };
      },
    },
    {
      id: 'disk-space',
      title: 'Enough free disk space',
      async run() {
        const stats = await statfs(dataDir);
        const free = stats.bavail * stats.bsize;
        const mib = Math.round(free / 1024 / 1024);
        return free < LOW_DISK_BYTES
          ? {
              outcome: 'warn',
              detail: `Only ${mib} MiB free: journals and the audit cache may not fit.`,
            }
          : { outcome: 'pass', detail: `${mib.toLocaleString('en-US')} MiB free` };
      },
    },
    {
      id: 'settings',
      title: 'Settings file is valid',
      async run() {
        const current = await settings.get();
        return { outcome: 'pass', detail: `${settings.path} (theme ${current.theme})` };
      },
    },
    {
      id: 'network',
      title: 'Network to AWS: proxy and CA bundle',
      async run() {
        const network = await describeNetwork(await settings.get());
        const problems = [network.proxyError, network.caBundleError].filter(Boolean);
        if (problems.length > 0) return { outcome: 'fail', detail: problems.join(' ') };
        const proxy = network.proxy
          ? `Proxy ${network.proxy.url} (${network.proxy.variable})${network.noProxy ? `, bypassed for ${network.noProxy.value}` : ''}.`
          : 'No proxy: AWS is reached directly.';
        const ca = network.caBundle
          ? `CA bundle ${network.caBundle.path} (${network.caBundle.certificateCount} certificates, from ${network.caBundle.source === 'settings' ? 'Settings' : 'AWS_CA_BUNDLE'}) trusted on top of the defaults.`
          : 'Default CA certificates.';
        return { outcome: 'pass', detail: `${proxy} ${ca}` };
      },
    },
    {
      id: 'secret-store',
      title: 'Credential store stores and removes a secret',
      async titleNow() {
        return (await credentialStores.status()).store === 'file'
          ? 'Encrypted credential file stores and removes a secret'
          : 'OS keychain stores and removes a secret';
      },
      async run() {
        const status = await credentialStores.status();
        const where =
          status.store === 'file' ? `the encrypted file ${status.file.path}` : 'the OS keychain';
        const account = `__diagnostics-${randomBytes(4).toString('hex')}`;
        const value = randomBytes(16).toString('hex');
        try {
          await secrets.set(account, value);
          const back = await secrets.get(account);
          await secrets.delete(account);
          return back === value
            ? {
                outcome: 'pass',
                detail: `A probe secret was written to ${where}, read back and deleted.`,
              }
            : {
                outcome: 'fail',
                detail: `The credential store (${where}) returned a different value than was stored.`,
              };
        } catch (error) {
          const hint = error instanceof KeywardError && error.hint ? ` ${error.hint}` : '';
          if (error instanceof KeywardError && error.code === 'secret-store-locked') {
            return {
              outcome: 'warn',
              detail: `Locked: ${where} opens only with its passphrase, so profiles cannot use their secrets yet.${hint}`,
            };
          }
          return {
            outcome: 'fail',
            detail: `${(error as Error).message.replace(/\.$/, '')}.${hint}`,
          };
        }
      },
    },
  ];

  return {
    async run(ctx: OperationContext): Promise<DiagnosticsReport> {
      const results: DiagnosticCheck[] = [];
      for (const [index, check] of checks.entries()) {
        if (ctx.signal.aborted) throw new KeywardError('cancelled', 'Diagnostics were cancelled.');
        const title = (await check.titleNow?.().catch(() => undefined)) ?? check.title;
        ctx.progress(index, checks.length, title, index / checks.length);
        try {
          results.push({ id: check.id, title, ...(await check.run()) });
        } catch (error) {
          results.push({
            id: check.id,
            title,
            outcome: 'fail',
            detail: (error as Error).message,
          });
        }
      }
      return { checks: results, finishedAt: new Date().toISOString() };
    },
  };
}

export type Diagnostics = ReturnType<typeof createDiagnostics>;
