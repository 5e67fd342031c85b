import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialStores, type CredentialStores } from '../credentials/credential-stores';
import { createFileSecretStore } from '../credentials/file-secret-store';
import { silentLogger } from '../log/logger';
import type { OperationContext } from '../operations/operation-context';
import { createSettingsStore } from '../settings/settings-store';
import { createDiagnostics } from './diagnostics-service';

const ctx: OperationContext = {
  correlationId: 't',
  logger: silentLogger,
  signal: new AbortController().signal,
  progress: () => undefined,
};
const memoryKeychain = () => {
  const entries = new Map<string, string>();
  return {
    get: async (account: string) => entries.get(account) ?? null,
    set: async (account: string, secret: string) => void entries.set(account, secret),
    delete: async (account: string) => entries.delete(account),
  };
};

let dir: string;
let stores: CredentialStores;
let diagnostics: ReturnType<typeof createDiagnostics>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-diagnostics-'));
  const settings = createSettingsStore(dir, silentLogger);
  stores = createCredentialStores({
    dataDir: dir,
    settings,
    logger: silentLogger,
    keychain: memoryKeychain(),
    file: createFileSecretStore({
      path: join(dir, 'secrets.enc.json'),
      kdfCost: { N: 2 ** 14, r: 8, p: 1 },
    }),
    profilesWithSecrets: async () => [],
  });
  diagnostics = createDiagnostics({ dataDir: dir, settings, credentialStores: stores });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const storeCheck = async () =>
  (await diagnostics.run(ctx)).checks.find((check) => check.id === 'secret-store');

describe('diagnostics: the credential store in use', () => {
  it('probes the OS keychain when it is in use', async () => {
    expect(await storeCheck()).toMatchObject({
      title: 'OS keychain stores and removes a secret',
      outcome: 'pass',
    });
  });

  it('probes the encrypted file when it is in use, and warns with what to do while it is locked', async () => {
    await stores.useStore('file', 'correct horse battery staple');
    expect(await storeCheck()).toMatchObject({
      title: 'Encrypted credential file stores and removes a secret',
      outcome: 'pass',
      detail: expect.stringContaining(join(dir, 'secrets.enc.json')),
    });
    expect(await stores.file.get('__diagnostics')).toBeNull();
    await stores.lock();
    expect(await storeCheck()).toMatchObject({
      outcome: 'warn',
      detail: expect.stringMatching(/^Locked: .*Unlock it with its passphrase/),
    });
  });
});
