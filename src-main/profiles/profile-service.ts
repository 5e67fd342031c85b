import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { ProfileSummary } from '../../src-shared/models/profile';
import type { AwsTarget } from '../aws/client-config';
import type { SecretStore } from '../credentials/secret-store';
import type { Logger } from '../log/logger';
import type { EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { assumeRole } from './assume-role';
import { createProfileAdders } from './add-profile';
import { createProfileEditor } from './edit-profile';
import { failure } from './failure';
import { checkIdentity } from './identity-check';
import { preferMfaSession, startMfaSession } from './mfa-session';
import type { ProfileKit } from './profile-kit';
import type { ProfileStore, StoredProfile } from './profile-store';
import { createSandboxProfiles } from './sandbox-profiles';
import { sharedConfigTarget } from './shared-config';
import { createSessionCache } from './session-cache';
import { createSsoKeychain } from './sso/sso-keychain';
import {
  assertSsoProfile,
  createSsoSessions,
  type SignInReporter,
  type UrlOpener,
} from './sso/sso-sessions';
import { summarize } from './summarize';

type AssumeRoleProfile = Extract<StoredProfile, { kind: 'assume-role' }>;

// Not strict: the SDK tags credential objects it is handed (e.g. `$source`); only these two count.
const accessKeySecretSchema = z.object({ accessKeyId: z.string(), secretAccessKey: z.string() });

/** Profiles: the sandbox's identities plus the user's own; secrets only in the keychain. */
export function createProfileService(deps: {
  store: ProfileStore;
  secrets: SecretStore;
  sandbox: EmbeddedSandbox | undefined;
  /** Where sandbox-target profiles call when no embedded sandbox runs (the CLI's --endpoint-url). */
  sandboxEndpoint?: string;
  /** Opens IAM Identity Center's verification page in the system browser (none: the page shows the link). */
  openUrl?: UrlOpener;
  logger?: Logger;
}) {
  const { store, secrets, sandbox } = deps;
  const sandboxProfiles = createSandboxProfiles(sandbox);
  const sessions = createSessionCache();
  const sso = createSsoSessions({
    keychain: createSsoKeychain(secrets),
    sessions,
    opener: deps.openUrl,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });

  async function sandboxEndpoint(): Promise<string> {
    if (deps.sandboxEndpoint) return deps.sandboxEndpoint;
    const running = await sandbox?.ready;
    if (!running) {
      throw new KeywardError('unavailable', 'The built-in sandbox is not running.', {
        hint: 'Restart Keyward; if it keeps failing, the log in the data directory says why.',
      });
    }
    return running.endpoint;
  }

  async function stored(id: string): Promise<StoredProfile> {
    const profile = await store.get(id);
    if (!profile) throw new KeywardError('not-found', `There is no profile with id ${id}.`);
    return profile;
  }

  async function accessKeyCredentials(profile: Extract<StoredProfile, { kind: 'access-key' }>) {
    const raw = await secrets.get(profile.id);
    if (raw === null) {
      throw new KeywardError(
        'credentials-missing',
        `The keychain has no secret for “${profile.name}”.`,
        {
          hint: 'Delete the profile and add it again with its access key.',
        },
      );
    }
    const { accessKeyId, secretAccessKey } = accessKeySecretSchema.parse(JSON.parse(raw));
    return { accessKeyId, secretAccessKey };
  }

  async function accessKeyTarget(
    profile: Extract<StoredProfile, { kind: 'access-key' }>,
  ): Promise<AwsTarget> {
    const keys = await accessKeyCredentials(profile);
    const credentials = profile.mfaSerial ? preferMfaSession(sessions, profile.id, keys) : keys;
    return profile.target === 'sandbox'
      ? { credentials, endpoint: await sandboxEndpoint() }
      : { credentials };
  }

  async function startRoleSession(profile: AssumeRoleProfile, mfaCode: string | undefined) {
    const source = await target(profile.sourceProfileId);
    const session = await assumeRole(source, profile, mfaCode);
    sessions.set(profile.id, session);
    return session;
  }

  function roleTarget(profile: AssumeRoleProfile, endpoint: string | undefined): AwsTarget {
    // A provider, so the SDK asks again when the session nears its end and we renew it (no MFA).
    const credentials = async () => {
      const session = sessions.get(profile.id);
      if (session) return { ...session.credentials };
      if (profile.mfaSerial) {
        throw new KeywardError(
          'credentials-missing',
          `“${profile.name}” needs a new session, which needs an MFA code.`,
          {
            hint: 'Start a session from the Profiles page and enter the code from your MFA device.',
          },
        );
      }
      return { ...(await startRoleSession(profile, undefined)).credentials };
    };
    return endpoint ? { credentials, endpoint } : { credentials };
  }

  async function target(id: string): Promise<AwsTarget> {
    const demo = (await sandboxProfiles.list()).find((profile) => profile.summary.id === id);
    if (demo) return demo.target;
    const profile = await stored(id);
    const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
    if (profile.kind === 'access-key') return accessKeyTarget(profile);
    if (profile.kind === 'shared-config')
      return sharedConfigTarget(profile.configProfile, endpoint);
    if (profile.kind === 'sso') return sso.target(profile, endpoint);
    return roleTarget(profile, endpoint);
  }

  async function ensureNewName(name: string): Promise<void> {
    const taken = [
      ...(await sandboxProfiles.list()).map((p) => p.summary),
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
  const ssoProfile = async (id: string) => assertSsoProfile(await stored(id));

  async function list(): Promise<ProfileSummary[]> {
    const [demo, own] = await Promise.all([sandboxProfiles.list(), store.list()]);
    const summaries = await Promise.all(own.map((profile) => summarizeWithSignIn(profile)));
    return [...demo.map((profile) => profile.summary), ...summaries];
  }

  const kit: ProfileKit = {
    store,
    secrets,
    sessions,
    stored,
    ensureNewName,
    sandboxEndpoint,
    accessKeyCredentials,
    startRoleSession,
    summarize: summarizeWithSignIn,
    // An SSO profile pointed elsewhere needs a new sign-in: its token is for the old portal.
    forgetSignIn: (id) => sso.forget(id),
  };

  return {
    target,

    /** Credentials alone (the credential_process CLI): access keys need no endpoint to be read. */
    async credentials(id: string) {
      const profile = await store.get(id);
      if (profile?.kind === 'access-key') return accessKeyCredentials(profile);
      const resolved = await target(id);
      return typeof resolved.credentials === 'function'
        ? resolved.credentials()
        : resolved.credentials;
    },

    list,

    ...createProfileAdders({ ...kit, list }),

    /** Edits a profile; when the edit changes who it is, STS is asked again before it is kept. */
    update: createProfileEditor(kit).update,

    async startSession(id: string, mfaCode: string | undefined): Promise<ProfileSummary> {
      const profile = await stored(id);
      if (profile.kind === 'access-key') {
        const longTerm = {
          ...(await accessKeyTarget(profile)),
          credentials: await accessKeyCredentials(profile),
        };
        return startMfaSession({ store, sessions }, profile, longTerm, mfaCode);
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
      const at = new Date().toISOString();
      try {
        const session = await startRoleSession(profile, mfaCode);
        const updated: StoredProfile = {
          ...profile,
          identity: session.identity,
          lastCheck: { at, ok: true, error: null },
        };
        await store.put(updated);
        return summarize(updated, session);
      } catch (error) {
        await store.put({
          ...profile,
          lastCheck: { at, ok: false, error: failure(error).message },
        });
        throw error;
      }
    },

    /** IAM Identity Center sign-in (device authorization); records the identity it gets. */
    async signIn(id: string, reporter: SignInReporter): Promise<ProfileSummary> {
      const profile = await ssoProfile(id);
      const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
      const at = new Date().toISOString();
      try {
        const session = await sso.signIn(profile, endpoint, reporter);
        const updated: StoredProfile = {
          ...profile,
          identity: session.identity,
          lastCheck: { at, ok: true, error: null },
        };
        await store.put(updated);
        return summarizeWithSignIn(updated);
      } catch (error) {
        const reason = failure(error);
        const lastCheck = { at, ok: false, error: reason.message };
        if (reason.code !== 'cancelled') await store.put({ ...profile, lastCheck });
        throw error;
      }
    },

    async signOut(id: string): Promise<ProfileSummary> {
      const profile = await ssoProfile(id);
      const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
      await sso.signOut(profile, endpoint);
      return summarizeWithSignIn(profile);
    },

    async verify(id: string): Promise<ProfileSummary> {
      const demo = (await sandboxProfiles.list()).find((profile) => profile.summary.id === id);
      if (demo) return demo.summary;
      const profile = await stored(id);
      const at = new Date().toISOString();
      try {
        const identity = await checkIdentity(await target(id), profile.defaultRegion);
        const updated: StoredProfile = {
          ...profile,
          identity,
          lastCheck: { at, ok: true, error: null },
        };
        await store.put(updated);
        return summarizeWithSignIn(updated);
      } catch (error) {
        await store.put({
          ...profile,
          lastCheck: { at, ok: false, error: failure(error).message },
        });
        throw error;
      }
    },

    async remove(id: string): Promise<boolean> {
      if (id.startsWith('sandbox:')) {
        throw new KeywardError('invalid-state', 'The sandbox’s demo profiles cannot be deleted.', {
          hint: 'They exist as long as the built-in sandbox runs, and need no credentials.',
        });
      }
      const profile = await stored(id);
      const dependents = (await store.list()).filter(
        (other) => other.kind === 'assume-role' && other.sourceProfileId === id,
      );
      if (dependents.length > 0) {
        throw new KeywardError(
          'invalid-state',
          `“${profile.name}” is the source of ${dependents.map((d) => `“${d.name}”`).join(', ')}.`,
          {
            hint: 'Delete or change those profiles first.',
          },
        );
      }
      sessions.delete(id);
      if (profile.kind === 'access-key') await secrets.delete(id);
      if (profile.kind === 'sso') await sso.forget(id);
      return store.remove(id);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
