import { KeywardError } from '../../src-shared/errors';
import type { ProfileSummary } from '../../src-shared/models/profile';
import { describeDependents, profileDependents } from '../../src-shared/models/profile-dependents';
import { createClientFactory, type ClientFactory } from '../aws/client-factory';
import { DEFAULT_NETWORK_SETTINGS } from '../aws/network/network-settings';
import { oneOffPrincipal } from '../aws/principal';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger, type Logger } from '../log/logger';
import type { EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createProfileAdders } from './add-profile';
import { createCredentialResolver } from './credential-resolver';
import { createProfileEditor } from './edit-profile';
import { failure } from './failure';
import { checkIdentity } from './identity-check';
import { startMfaSession } from './mfa-session';
import type { ProfileKit } from './profile-kit';
import type { ProfileStore, StoredProfile } from './profile-store';
import { createSessionCache } from './session-cache';
import { createSsoKeychain } from './sso/sso-keychain';
import {
  assertSsoProfile,
  createSsoSessions,
  type SignInReporter,
  type UrlOpener,
} from './sso/sso-sessions';
import { summarize } from './summarize';

/**
 * Profiles: the sandbox's identities plus the user's own — listed, added, edited, checked with
 * STS, given sessions and deleted; secrets only in the keychain. `resolver` is what the access
 * layer asks for who calls as a profile.
 */
export function createProfileService(deps: {
  store: ProfileStore;
  secrets: SecretStore;
  sandbox: EmbeddedSandbox | undefined;
  /** Where sandbox-target profiles call when no embedded sandbox runs (the CLI's --endpoint-url). */
  sandboxEndpoint?: string;
  /** Opens IAM Identity Center's verification page in the system browser (none: the page shows the link). */
  openUrl?: UrlOpener;
  logger?: Logger;
  /** The access layer (one of its own, on default network settings, when not given: tests). */
  aws?: ClientFactory;
}) {
  const { store, secrets } = deps;
  const logger = deps.logger ?? silentLogger;
  const aws =
    deps.aws ??
    createClientFactory({ network: () => Promise.resolve(DEFAULT_NETWORK_SETTINGS), logger });
  const sessions = createSessionCache();
  const sso = createSsoSessions({
    aws,
    keychain: createSsoKeychain(secrets),
    sessions,
    opener: deps.openUrl,
    logger,
  });
  const resolver = createCredentialResolver({
    store,
    secrets,
    sandbox: deps.sandbox,
    ...(deps.sandboxEndpoint ? { sandboxEndpoint: deps.sandboxEndpoint } : {}),
    aws,
    sessions,
    sso,
  });
  const { stored, sandboxEndpoint } = resolver;

  async function ensureNewName(name: string): Promise<void> {
    const taken = [
      ...(await resolver.demoProfiles()).map((p) => p.summary),
      ...(await store.list()),
    ];
    if (taken.some((profile) => profile.name.toLowerCase() === name.toLowerCase())) {
      throw new KeywardError('validation', `A profile named “${name}” exists already.`, {
        fieldErrors: { name: 'A profile with this name exists already' },
      });
    }
  }

  const summarizeWithSignIn = (profile: StoredProfile) =>
    sso.summarize(profile, sessions.get(profile.id));

  async function list(): Promise<ProfileSummary[]> {
    const [demo, own] = await Promise.all([resolver.demoProfiles(), store.list()]);
    const summaries = await Promise.all(own.map((profile) => summarizeWithSignIn(profile)));
    return [...demo.map((profile) => profile.summary), ...summaries];
  }

  /** Records the outcome of a check of who the profile is; a failed one is kept as a failure. */
  async function recordCheck(
    profile: StoredProfile,
    check: () => Promise<StoredProfile['identity']>,
    keepFailure: (error: KeywardError) => boolean = () => true,
  ): Promise<StoredProfile> {
    const at = new Date().toISOString();
    try {
      const updated = {
        ...profile,
        identity: await check(),
        lastCheck: { at, ok: true, error: null },
      };
      await store.put(updated);
      resolver.changed(profile.id);
      return updated;
    } catch (error) {
      const reason = failure(error);
      if (keepFailure(reason)) {
        await store.put({ ...profile, lastCheck: { at, ok: false, error: reason.message } });
      }
      throw error;
    }
  }

  const kit: ProfileKit = {
    store,
    secrets,
    sessions,
    aws,
    resolver,
    ensureNewName,
    summarize: summarizeWithSignIn,
    // An SSO profile pointed elsewhere needs a new sign-in: its token is for the old portal.
    forgetSignIn: (id) => sso.forget(id),
  };

  return {
    /** What the access layer asks for who calls as a profile. */
    resolver,
    list,
    ...createProfileAdders({ ...kit, list }),

    /** Edits a profile; when the edit changes who it is, STS is asked again before it is kept. */
    update: createProfileEditor(kit).update,

    async startSession(id: string, mfaCode: string | undefined): Promise<ProfileSummary> {
      const profile = await stored(id);
      if (profile.kind === 'access-key') {
        const longTerm = oneOffPrincipal(
          {
            credentials: await resolver.accessKeyCredentials(profile),
            ...(profile.target === 'sandbox' ? { endpoint: await sandboxEndpoint() } : {}),
          },
          { profileId: id, accountId: profile.identity?.accountId },
        );
        const summary = await startMfaSession({ store, sessions, aws }, profile, longTerm, mfaCode);
        resolver.changed(id);
        return summary;
      }
      if (profile.kind !== 'assume-role') {
        throw new KeywardError(
          'invalid-state',
          `“${profile.name}” uses long-term keys; it has no sessions to start.`,
        );
      }
      if (profile.mfaSerial && !mfaCode) {
        throw new KeywardError('validation', 'This role needs an MFA code.', {
          fieldErrors: { mfaCode: 'Enter the current code' },
        });
      }
      const updated = await recordCheck(profile, async () => {
        return (await resolver.startRoleSession(profile, mfaCode)).identity;
      });
      return summarize(updated, sessions.get(id));
    },

    /** IAM Identity Center sign-in (device authorization); records the identity it gets. */
    async signIn(id: string, reporter: SignInReporter): Promise<ProfileSummary> {
      const profile = assertSsoProfile(await stored(id));
      const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
      const updated = await recordCheck(
        profile,
        async () => (await sso.signIn(profile, endpoint, reporter)).identity,
        (reason) => reason.code !== 'cancelled',
      );
      return summarizeWithSignIn(updated);
    },

    async signOut(id: string): Promise<ProfileSummary> {
      const profile = assertSsoProfile(await stored(id));
      const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
      try {
        await sso.signOut(profile, endpoint);
      } finally {
        resolver.changed(id);
      }
      return summarizeWithSignIn(profile);
    },

    async verify(id: string): Promise<ProfileSummary> {
      const demo = (await resolver.demoProfiles()).find((profile) => profile.summary.id === id);
      if (demo) return demo.summary;
      const profile = await stored(id);
      const principal = await resolver.principal(id);
      const updated = await recordCheck(profile, () =>
        checkIdentity(aws, principal, profile.defaultRegion),
      );
      return summarizeWithSignIn(updated);
    },

    async remove(id: string): Promise<boolean> {
      if (id.startsWith('sandbox:')) {
        throw new KeywardError('invalid-state', 'The sandbox’s demo profiles cannot be deleted.', {
          hint: 'They exist as long as the built-in sandbox runs, and need no resolver.',
        });
      }
      const profile = await stored(id);
      // The dialog named them before asking; asked again here, a profile added meanwhile counts.
      const dependents = profileDependents(
        id,
        (await store.list()).map((other) => ({
          ...other,
          sourceProfileId: other.kind === 'assume-role' ? other.sourceProfileId : null,
        })),
      );
      if (dependents.length > 0) {
        throw new KeywardError(
          'invalid-state',
          `“${profile.name}” cannot be deleted. ${describeDependents(dependents)}`,
          { hint: 'Edit (pencil) or delete those profiles on the Profiles page, then try again.' },
        );
      }
      sessions.delete(id);
      if (profile.kind === 'access-key') await secrets.delete(id);
      if (profile.kind === 'sso') {
        // Signs out at IAM Identity Center too, as the dialog says; the token goes either way.
        const endpoint = profile.target === 'sandbox' ? sandboxEndpoint() : undefined;
        await Promise.resolve(endpoint)
          .then((at) => sso.signOut(profile, at))
          .catch(() => undefined);
        await sso.forget(id);
      }
      const removed = await store.remove(id);
      resolver.changed(id);
      return removed;
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
