import type { SecretStoreStatus } from '../../../src-shared/models/secret-store';

/** A credential store status for renderer tests; override what a test is about. */
export function storeStatus(overrides: Partial<SecretStoreStatus> = {}): SecretStoreStatus {
  return {
    store: 'keychain',
    keychain: {
      available: true,
      backend: 'Secret Service (GNOME Keyring, KWallet) over D-Bus',
      problem: null,
    },
    file: { path: '/home/ops/.config/Keyward/secrets.enc.json', exists: false, unlocked: false },
    locked: false,
    idleLockMinutes: 15,
    profilesWithSecrets: [],
    ...overrides,
  };
}
