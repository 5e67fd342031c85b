import type { SecretStoreKind } from '../../src-shared/schemas/secret-store';
import type { SecretStore } from './secret-store';

export interface SwitchableSecretStore extends SecretStore {
  /**
   * Runs `work` (a switch of stores, with its moves) while every other call waits, so no secret
   * is written to the old store after it was copied from.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The store profiles use: each call goes to the backend the settings name at that moment (the
 * OS keychain or the encrypted file). There is no fallback from one to the other: a backend that
 * cannot serve a call fails it with its own reason.
 */
export function createSwitchableSecretStore(
  backends: Readonly<Record<SecretStoreKind, SecretStore>>,
  chosen: () => Promise<SecretStoreKind>,
): SwitchableSecretStore {
  let switching: Promise<unknown> = Promise.resolve();
  const backend = async (): Promise<SecretStore> => {
    await switching;
    return backends[await chosen()];
  };
  return {
    get: async (account) => (await backend()).get(account),
    set: async (account, secret) => (await backend()).set(account, secret),
    delete: async (account) => (await backend()).delete(account),
    exclusive(work) {
      const run = switching.then(work);
      switching = run.catch(() => undefined);
      return run;
    },
  };
}
