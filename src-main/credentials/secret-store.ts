/**
 * Where secrets live: the OS keychain (keychain-secret-store.ts, the default) or Keyward's file
 * encrypted under a passphrase (file-secret-store.ts); switchable-secret-store.ts sends each call
 * to the one the settings name. Never a plain file.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'keyward';
