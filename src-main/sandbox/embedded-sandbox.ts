import { join } from 'node:path';
import type { SandboxStatus } from '../../src-shared/models/app-info';
import { start, type RunningSandbox } from '../../src-sandbox/server';
import type { Logger } from '../log/logger';

export interface EmbeddedSandbox {
  status(): SandboxStatus;
  /** The running sandbox, or undefined when it failed to start. */
  readonly ready: Promise<RunningSandbox | undefined>;
  stop(): Promise<void>;
}

/**
 * Keyward's default backend: the offline AWS, started on a random loopback port in
 * `<dataDir>/sandbox` when the console starts, so a new user rehearses every job on demo
 * accounts before touching real AWS.
 */
export function startEmbeddedSandbox(dataDir: string, logger: Logger): EmbeddedSandbox {
  let status: SandboxStatus = { state: 'starting', accounts: [] };
  const startedAt = Date.now();
  // Faults (README "The sandbox") for rehearsing failures, e.g. one Region failing in the Keys
  // e2e; they touch only the offline sandbox, never real AWS.
  const faults = process.env.KEYWARD_SANDBOX_FAULTS;
  const ready = start({ dataDir: join(dataDir, 'sandbox'), ...(faults ? { faults } : {}) }).then(
    (sandbox) => {
      status = {
        state: 'running',
        endpoint: sandbox.endpoint,
        accounts: sandbox.accounts.map(({ name, id }) => ({ name, id })),
      };
      logger.log('info', 'sandbox started', {
        endpoint: sandbox.endpoint,
        ms: Date.now() - startedAt,
      });
      return sandbox;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      status = { state: 'failed', accounts: [], error: message };
      logger.log('error', 'sandbox failed to start', { error: message });
      return undefined;
    },
  );
  return {
    status: () => status,
    ready,
    async stop() {
      const sandbox = await ready;
      await sandbox?.stop();
      status = { state: 'stopped', accounts: [] };
    },
  };
}
