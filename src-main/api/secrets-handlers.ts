import type { secretsCalls } from '../../src-shared/contract/secrets';
import type { CredentialStores } from '../credentials/credential-stores';
import type { AreaHandlers } from './handler-types';

/** The credential store: passphrases come in here and go no further than the file store. */
export function createSecretsHandlers(stores: CredentialStores): AreaHandlers<typeof secretsCalls> {
  return {
    'secrets.status': () => stores.status(),
    'secrets.createFileStore': ({ passphrase }) => stores.createFileStore(passphrase),
    'secrets.unlock': ({ passphrase }) => stores.unlock(passphrase),
    'secrets.lock': () => stores.lock(),
    'secrets.changePassphrase': ({ current, next }) => stores.changePassphrase(current, next),
    'secrets.setIdleLock': ({ minutes }) => stores.setIdleLock(minutes),
    'secrets.useStore': ({ store, passphrase }) => stores.useStore(store, passphrase),
  };
}
