import { AsyncEntry } from '@napi-rs/keyring';
import { KeywardError } from '../../src-shared/errors';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

const hint =
  'Keyward never falls back to a plain file. On Linux start a Secret Service (GNOME Keyring or ' +
  'KWallet) and unlock it; on macOS unlock the login keychain; then try again. Or keep the ' +
  'secrets in Keyward’s encrypted file instead, opened with a passphrase you choose ' +
  '(Settings → Credential store).';

/** What provides the OS keychain on this platform, as the Credential store card names it. */
export function keychainBackendName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring, KWallet) over D-Bus';
}

function unavailable(error: unknown): KeywardError {
  return new KeywardError(
    'keychain-unavailable',
    `The OS keychain could not be used: ${(error as Error).message}`,
    { hint },
  );
}

/** Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager). */
export function createKeychainSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  const entry = (account: string): AsyncEntry => new AsyncEntry(service, account);
  return {
    async get(account) {
      try {
        return await entry(account).getPassword();
      } catch (error) {
        throw unavailable(error);
      }
    },
    async set(account, secret) {
      try {
        await entry(account).setPassword(secret);
      } catch (error) {
        throw unavailable(error);
      }
    },
    async delete(account) {
      try {
        return await entry(account).deleteCredential();
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}
