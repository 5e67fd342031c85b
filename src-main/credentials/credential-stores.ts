import { join } from 'node:path';
import { KeywardError } from '../../src-shared/errors';
import type {
  ProfileWithSecret,
  SecretStoreStatus,
  UseSecretStoreResult,
} from '../../src-shared/models/secret-store';
import { newPassphrase, type SecretStoreKind } from '../../src-shared/schemas/secret-store';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { createFileSecretStore, lockedError, type FileSecretStore } from './file-secret-store';
import { createKeychainSecretStore, keychainBackendName } from './keychain-secret-store';
import type { SecretStore } from './secret-store';
import { createSwitchableSecretStore } from './switchable-secret-store';

/** The encrypted file store's file in the data dir. */
export const FILE_STORE_NAME = 'secrets.enc.json';
const PROBE_ACCOUNT = '__keyward-availability-probe';
const PROBE_TTL_MS = 15_000;

interface KeychainState {
  readonly available: boolean;
  readonly problem: string | null;
}

/**
 * The two places secrets can live and the one profiles use (settings `secretStore`): status,
 * creating, unlocking and locking the file store, its passphrase and idle lock, and switching
 * stores with the profiles' secrets moved across. No call answers a secret or a passphrase.
 */
export function createCredentialStores(deps: {
  dataDir: string;
  settings: SettingsStore;
  /** Profiles that keep a secret (access keys, IAM Identity Center sign-ins). */
  profilesWithSecrets: () => Promise<ProfileWithSecret[]>;
  logger: Logger;
  keychain?: SecretStore;
  file?: FileSecretStore;
  platform?: NodeJS.Platform;
}) {
  const { settings, logger } = deps;
  const keychain = deps.keychain ?? createKeychainSecretStore();
  const file =
    deps.file ??
    createFileSecretStore({
      path: join(deps.dataDir, FILE_STORE_NAME),
      onIdleLock: () => logger.log('info', 'credential file store locked after idle time'),
    });
  const backends: Record<SecretStoreKind, SecretStore> = { keychain, file };
  const chosen = async (): Promise<SecretStoreKind> => (await settings.get()).secretStore;
  const secrets = createSwitchableSecretStore(backends, chosen);

  let idleApplied: Promise<void> | undefined;
  /** The saved idle time reaches the file store before it is first unlocked. */
  const ready = (): Promise<void> =>
    (idleApplied ??= settings.get().then((saved) => {
      file.setIdleLockMinutes(saved.fileStoreIdleLockMinutes);
    }));

  let probe: { at: number; state: Promise<KeychainState> } | undefined;
  /** Whether the keychain takes and gives back a secret now (a read alone can answer "none" without one). */
  function probeKeychain(fresh = false): Promise<KeychainState> {
    if (!fresh && probe && Date.now() - probe.at < PROBE_TTL_MS) return probe.state;
    const state = (async (): Promise<KeychainState> => {
      try {
        await keychain.set(PROBE_ACCOUNT, 'probe');
        await keychain.delete(PROBE_ACCOUNT);
        return { available: true, problem: null };
      } catch (error) {
        return { available: false, problem: (error as Error).message };
      }
    })();
    probe = { at: Date.now(), state };
    return state;
  }

  async function status(): Promise<SecretStoreStatus> {
    await ready();
    const saved = await settings.get();
    const [keychainState, exists, profiles] = await Promise.all([
      probeKeychain(),
      file.exists(),
      deps.profilesWithSecrets(),
    ]);
    const unlocked = file.isUnlocked();
    return {
      store: saved.secretStore,
      keychain: { ...keychainState, backend: keychainBackendName(deps.platform) },
      file: { path: file.path, exists, unlocked },
      locked: saved.secretStore === 'file' && !unlocked,
      idleLockMinutes: saved.fileStoreIdleLockMinutes,
      profilesWithSecrets: profiles,
    };
  }

  /** The file store ready to take secrets: created with `passphrase`, or unlocked with it. */
  async function openFileStore(passphrase: string | undefined): Promise<void> {
    if (!(await file.exists())) {
      const checked = newPassphrase.safeParse(passphrase ?? '');
      if (!checked.success) {
        const message = checked.error.issues[0]?.message ?? 'Choose a passphrase';
        throw new KeywardError('validation', `The encrypted file needs a passphrase: ${message}.`, {
          fieldErrors: { passphrase: message },
        });
      }
      await file.create(checked.data);
      logger.log('info', 'credential file store created', { path: file.path });
    } else if (!file.isUnlocked()) {
      if (passphrase === undefined) throw lockedError();
      await file.unlock(passphrase);
      logger.log('info', 'credential file store unlocked');
    }
  }

  /** Who has a secret in `target` already (moved there before while the old store was unreadable). */
  async function alreadyIn(target: SecretStore, profile: ProfileWithSecret): Promise<boolean> {
    return (await target.get(profile.id).catch(() => null)) !== null;
  }

  async function useStore(
    next: SecretStoreKind,
    passphrase: string | undefined,
  ): Promise<UseSecretStoreResult> {
    await ready();
    const previous = (await settings.get()).secretStore;
    if (next === 'file') await openFileStore(passphrase);
    else {
      const state = await probeKeychain(true);
      if (!state.available) {
        throw new KeywardError(
          'keychain-unavailable',
          `The OS keychain cannot be used here: ${state.problem ?? 'no answer'}`,
          {
            hint: 'Keyward stays on the encrypted file. Start a Secret Service (GNOME Keyring or KWallet) in this session, then switch again.',
          },
        );
      }
      // Unlocking the file on the way out lets its secrets move.
      if (previous === 'file' && !file.isUnlocked() && passphrase !== undefined) {
        await file.unlock(passphrase);
      }
    }
    if (previous === next) return { status: await status(), moved: [], needReentry: [] };

    const source = backends[previous];
    const target = backends[next];
    const readable =
      previous === 'file' ? file.isUnlocked() : (await probeKeychain(true)).available;
    const result = await secrets.exclusive(async () => {
      const profiles = await deps.profilesWithSecrets();
      const copied: { profile: ProfileWithSecret; secret: string }[] = [];
      const needReentry: ProfileWithSecret[] = [];
      if (readable) {
        try {
          for (const profile of profiles) {
            const secret = await source.get(profile.id);
            if (secret === null) continue;
            await target.set(profile.id, secret);
            copied.push({ profile, secret });
          }
        } catch (error) {
          for (const { profile } of copied) await target.delete(profile.id).catch(() => false);
          throw new KeywardError(
            error instanceof KeywardError ? error.code : 'internal',
            `Nothing was switched: moving the secrets failed. ${(error as Error).message}`,
            error instanceof KeywardError && error.hint ? { hint: error.hint } : {},
          );
        }
      } else {
        for (const profile of profiles) {
          if (!(await alreadyIn(target, profile))) needReentry.push(profile);
        }
      }
      await settings.update({ secretStore: next });
      // Only now, with the new store in use: the old copies go, so a secret lives in one place.
      for (const { profile } of copied) {
        await source.delete(profile.id).catch((error: unknown) => {
          logger.log('warn', 'a moved secret could not be removed from the old store', {
            profileId: profile.id,
            store: previous,
            error: (error as Error).message,
          });
        });
      }
      return { moved: copied.map(({ profile }) => profile), needReentry };
    });
    logger.log('info', 'secret store switched', {
      from: previous,
      to: next,
      moved: result.moved.length,
      needReentry: result.needReentry.map((profile) => profile.id),
    });
    return { status: await status(), ...result };
  }

  return {
    /** What profiles read and write: always the store the settings name. */
    secrets,
    file,
    status,
    async createFileStore(passphrase: string): Promise<SecretStoreStatus> {
      await ready();
      await file.create(passphrase);
      logger.log('info', 'credential file store created', { path: file.path });
      return status();
    },
    async unlock(passphrase: string): Promise<SecretStoreStatus> {
      await ready();
      await file.unlock(passphrase);
      logger.log('info', 'credential file store unlocked');
      return status();
    },
    async lock(): Promise<SecretStoreStatus> {
      file.lock();
      logger.log('info', 'credential file store locked');
      return status();
    },
    async changePassphrase(current: string, next: string): Promise<SecretStoreStatus> {
      await ready();
      await file.changePassphrase(current, next);
      logger.log('info', 'credential file store passphrase changed');
      return status();
    },
    async setIdleLock(minutes: number): Promise<SecretStoreStatus> {
      await settings.update({ fileStoreIdleLockMinutes: minutes });
      file.setIdleLockMinutes(minutes);
      return status();
    },
    useStore,
    /** On exit: the key leaves memory. */
    close(): void {
      file.lock();
    },
  };
}

export type CredentialStores = ReturnType<typeof createCredentialStores>;
