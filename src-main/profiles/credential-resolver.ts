import { randomUUID } from 'node:crypto';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { AwsTarget } from '../aws/client-config';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import type { SecretStore } from '../credentials/secret-store';
import type { EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { assumeRole, type RoleSession } from './assume-role';
import { preferMfaSession } from './mfa-session';
import type { ProfileStore, StoredProfile } from './profile-store';
import { createSandboxProfiles } from './sandbox-profiles';
import type { SessionCache } from './session-cache';
import { sharedConfigTarget } from './shared-config';
import type { SsoSessions } from './sso/sso-sessions';

type AccessKeyProfile = Extract<StoredProfile, { kind: 'access-key' }>;
type AssumeRoleProfile = Extract<StoredProfile, { kind: 'assume-role' }>;

// Not strict: the SDK tags credential objects it is handed (e.g. `$source`); only these two count.
const accessKeySecretSchema = z.object({ accessKeyId: z.string(), secretAccessKey: z.string() });

/**
 * What the access layer asks of profiles: who calls as a profile — its credentials (from the
 * keychain, a role or MFA session, an IAM Identity Center sign-in, or ~/.aws/config; renewed as
 * sessions near their end), where they go (the sandbox or AWS) and the account they count
 * against.
 */
export function createCredentialResolver(deps: {
  store: ProfileStore;
  secrets: SecretStore;
  sandbox: EmbeddedSandbox | undefined;
  /** Where sandbox-target profiles call when no embedded sandbox runs (the CLI's --endpoint-url). */
  sandboxEndpoint?: string;
  aws: ClientFactory;
  sessions: SessionCache;
  sso: SsoSessions;
}) {
  const { store, secrets, sandbox, aws, sessions, sso } = deps;
  const demo = createSandboxProfiles(sandbox, aws);
  // Unique to this resolver, so that a client factory shared by two never mixes their clients.
  const instance = randomUUID();
  const revisions = new Map<string, number>();

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

  async function accessKeyCredentials(profile: AccessKeyProfile): Promise<AwsCredentialIdentity> {
    const raw = await secrets.get(profile.id);
    if (raw === null) {
      throw new KeywardError(
        'credentials-missing',
        `The keychain has no secret for “${profile.name}”.`,
        { hint: 'Delete the profile and add it again with its access key.' },
      );
    }
    const { accessKeyId, secretAccessKey } = accessKeySecretSchema.parse(JSON.parse(raw));
    return { accessKeyId, secretAccessKey };
  }

  async function startRoleSession(
    profile: AssumeRoleProfile,
    mfaCode: string | undefined,
  ): Promise<RoleSession> {
    const session = await assumeRole(
      aws,
      await principal(profile.sourceProfileId),
      profile,
      mfaCode,
    );
    sessions.set(profile.id, session);
    return session;
  }

  /** A provider, so the SDK asks again when the session nears its end and it is renewed. */
  function roleCredentials(profile: AssumeRoleProfile) {
    return async (): Promise<AwsCredentialIdentity> => {
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
  }

  async function target(profile: StoredProfile): Promise<AwsTarget> {
    const endpoint = profile.target === 'sandbox' ? await sandboxEndpoint() : undefined;
    const at = (credentials: AwsTarget['credentials']): AwsTarget =>
      endpoint ? { credentials, endpoint } : { credentials };
    switch (profile.kind) {
      case 'access-key': {
        const keys = await accessKeyCredentials(profile);
        return at(profile.mfaSerial ? preferMfaSession(sessions, profile.id, keys) : keys);
      }
      case 'shared-config':
        return sharedConfigTarget(profile.configProfile, endpoint);
      case 'sso':
        return sso.target(profile, endpoint);
      case 'assume-role':
        return at(roleCredentials(profile));
    }
  }

  async function principal(id: string): Promise<AwsPrincipal> {
    const sandboxed = (await demo.list()).find((profile) => profile.summary.id === id);
    if (sandboxed) return sandboxed.principal;
    const profile = await stored(id);
    return {
      id,
      profileId: id,
      revision: `${instance}/${revisions.get(id) ?? 0}`,
      accountId: profile.identity?.accountId,
      target: await target(profile),
    };
  }

  return {
    principal,
    sandboxEndpoint,
    stored,
    accessKeyCredentials,
    startRoleSession,
    /** The sandbox's own identities ("Sandbox · prod", …), while it runs. */
    demoProfiles: () => demo.list(),

    /** Credentials alone (the credential_process CLI): access keys need no endpoint to be read. */
    async credentials(id: string): Promise<AwsCredentialIdentity> {
      const profile = await store.get(id);
      if (profile?.kind === 'access-key') return accessKeyCredentials(profile);
      const { credentials } = (await principal(id)).target;
      return typeof credentials === 'function' ? credentials() : credentials;
    },

    /** The profile's credentials changed (a new key, session or sign-in): no cached client keeps the old ones. */
    changed(id: string): void {
      revisions.set(id, (revisions.get(id) ?? 0) + 1);
    },
  };
}

export type CredentialResolver = ReturnType<typeof createCredentialResolver>;
