import { join } from 'node:path';
import { KeywardError } from '../../src-shared/errors';
import type { SecretStoreKind } from '../../src-shared/schemas/secret-store';
import { FILE_STORE_NAME } from './credential-stores';
import { createFileSecretStore } from './file-secret-store';
import { createKeychainSecretStore } from './keychain-secret-store';
import type { SecretStore } from './secret-store';
import { promptSecretOnTty } from './tty-prompt';

/** Where `keyward credentials` finds the file store's passphrase when there is no terminal. */
export const PASSPHRASE_ENV = 'KEYWARD_FILE_STORE_PASSPHRASE';
const PROMPT_TRIES = 3;

/**
 * The secret store `keyward credentials` reads, as the app's settings choose it. The encrypted
 * file is unlocked on the first read only (a profile that needs no secret asks for nothing), with
 * the passphrase from KEYWARD_FILE_STORE_PASSPHRASE or typed on the terminal: never from stdin
 * and never to stdout, which carry the credential_process exchange.
 */
export function cliSecretStore(options: {
  dataDir: string;
  store: SecretStoreKind;
  env?: NodeJS.ProcessEnv;
  prompt?: (question: string) => Promise<string | null>;
}): SecretStore {
  if (options.store === 'keychain') return createKeychainSecretStore();
  const env = options.env ?? process.env;
  const prompt = options.prompt ?? promptSecretOnTty;
  const file = createFileSecretStore({
    path: join(options.dataDir, FILE_STORE_NAME),
    idleLockMinutes: 0,
  });

  async function unlock(): Promise<void> {
    if (file.isUnlocked()) return;
    const fromEnv = env[PASSPHRASE_ENV];
    if (fromEnv !== undefined && fromEnv !== '') {
      try {
        await file.unlock(fromEnv);
      } catch (error) {
        if (error instanceof KeywardError && error.code === 'validation') {
          throw new KeywardError(
            'validation',
            `${PASSPHRASE_ENV} does not open the encrypted credential file ${file.path}.`,
            { hint: 'Set it to the passphrase chosen in Keyward (Settings → Credential store).' },
          );
        }
        throw error;
      }
      return;
    }
    for (let attempt = 1; attempt <= PROMPT_TRIES; attempt++) {
      const typed = await prompt('Keyward credential file passphrase: ');
      if (typed === null) break;
      try {
        await file.unlock(typed);
        return;
      } catch (error) {
        const wrong = error instanceof KeywardError && error.code === 'validation';
        if (!wrong || attempt === PROMPT_TRIES) throw error;
        process.stderr.write('keyward: wrong passphrase, try again\n');
      }
    }
    throw new KeywardError(
      'secret-store-locked',
      `The profiles' secrets are in Keyward's encrypted credential file (${file.path}), which needs its passphrase.`,
      {
        hint: `Run keyward from a terminal to be asked for it, or set ${PASSPHRASE_ENV} in the environment of the program that runs it.`,
      },
    );
  }

  return {
    get: async (account) => {
      await unlock();
      return file.get(account);
    },
    // An IAM Identity Center profile writes back its refreshed token.
    set: async (account, secret) => {
      await unlock();
      await file.set(account, secret);
    },
    delete: async (account) => {
      await unlock();
      return file.delete(account);
    },
  };
}
