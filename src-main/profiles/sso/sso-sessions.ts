import { KeywardError } from '../../../src-shared/errors';
import type { AwsPlace, AwsTarget } from '../../aws/client-config';
import type { ClientFactory } from '../../aws/client-factory';
import { oneOffPrincipal } from '../../aws/principal';
import type { Logger } from '../../log/logger';
import type { OperationContext } from '../../operations/operation-context';
import type { RoleSession } from '../assume-role';
import { checkIdentity } from '../identity-check';
import type { StoredProfile } from '../profile-store';
import { summarize } from '../summarize';
import { RENEW_BEFORE_MS, type SessionCache } from '../session-cache';
import { getRoleCredentials, logout, refreshToken } from './sso-api';
import type { SsoKeychain, SsoToken } from './sso-keychain';
import {
  devicePrompt,
  startAuthorization,
  waitForApproval,
  type DevicePrompt,
} from './sso-sign-in';
import { isVerificationUrl } from './verification-url';

export type SsoProfile = Extract<StoredProfile, { kind: 'sso' }>;

/** Opens a URL in the system browser (Electron: shell.openExternal; browser mode: Chromium). */
export type UrlOpener = (url: string) => void | Promise<void>;

/** The part of an operation's context a sign-in uses: its cancel signal and progress. */
export type SignInReporter = Pick<OperationContext, 'signal' | 'progress'>;

const STEPS = 4;

export function assertSsoProfile(profile: StoredProfile): SsoProfile {
  if (profile.kind === 'sso') return profile;
  throw new KeywardError(
    'invalid-state',
    `“${profile.name}” is not an IAM Identity Center profile.`,
  );
}

const place = (profile: SsoProfile, endpoint: string | undefined): AwsPlace => ({
  region: profile.ssoRegion,
  endpoint,
});

/**
 * IAM Identity Center sessions: tokens in the keychain (one entry per profile), role credentials
 * in memory only (the shared session cache), renewed from the token, the token from its refresh
 * token, as the AWS CLI does.
 */
export function createSsoSessions(deps: {
  aws: ClientFactory;
  keychain: SsoKeychain;
  sessions: SessionCache;
  opener: UrlOpener | undefined;
  logger?: Logger;
}) {
  const { aws, keychain, sessions } = deps;
  /** Whether a profile holds a token, so listing needs one keychain read per profile at most. */
  const signedIn = new Map<string, boolean>();
  const renewing = new Map<string, Promise<RoleSession>>();

  const notSignedIn = (profile: SsoProfile) =>
    new KeywardError('credentials-missing', `“${profile.name}” is not signed in.`, {
      hint: 'Sign in to IAM Identity Center from the Profiles page.',
    });

  async function saveToken(profileId: string, token: SsoToken): Promise<void> {
    const entry = await keychain.read(profileId);
    await keychain.write(profileId, { ...entry, token });
    signedIn.set(profileId, true);
  }

  /** The access token, refreshed first when it is about to expire. */
  async function validToken(profile: SsoProfile, where: AwsPlace): Promise<SsoToken> {
    const entry = await keychain.read(profile.id);
    const token = entry.token;
    if (!token || !entry.registration) {
      signedIn.set(profile.id, false);
      throw notSignedIn(profile);
    }
    if (token.expiresAt - Date.now() > RENEW_BEFORE_MS) return token;
    try {
      const renewed = await refreshToken(aws, where, entry.registration, token);
      await saveToken(profile.id, renewed);
      return renewed;
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'credentials-invalid') {
        await keychain.forgetToken(profile.id);
        signedIn.set(profile.id, false);
        throw new KeywardError(
          'credentials-invalid',
          `The sign-in of “${profile.name}” has expired.`,
          {
            hint: error.hint ?? 'Sign in again from the Profiles page.',
          },
        );
      }
      throw error;
    }
  }

  async function roleSession(
    profile: SsoProfile,
    where: AwsPlace,
    accessToken: string,
  ): Promise<RoleSession> {
    const credentials = await getRoleCredentials(
      aws,
      where,
      accessToken,
      profile.accountId,
      profile.roleName,
    );
    const identity = await checkIdentity(
      aws,
      oneOffPrincipal(
        where.endpoint ? { credentials, endpoint: where.endpoint } : { credentials },
        {
          profileId: profile.id,
          accountId: profile.accountId,
        },
      ),
      profile.defaultRegion,
    );
    const session = { credentials, identity };
    sessions.set(profile.id, session);
    return session;
  }

  async function renew(profile: SsoProfile, endpoint: string | undefined): Promise<RoleSession> {
    const where = place(profile, endpoint);
    try {
      const token = await validToken(profile, where);
      return await roleSession(profile, where, token.accessToken);
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'credentials-invalid') {
        await keychain.forgetToken(profile.id);
        signedIn.set(profile.id, false);
      }
      throw error;
    }
  }

  function renewOnce(profile: SsoProfile, endpoint: string | undefined): Promise<RoleSession> {
    const running = renewing.get(profile.id);
    if (running) return running;
    const next = renew(profile, endpoint).finally(() => renewing.delete(profile.id));
    renewing.set(profile.id, next);
    return next;
  }

  async function open(url: string, reporter: SignInReporter): Promise<void> {
    if (!deps.opener) return;
    if (!isVerificationUrl(url)) {
      deps.logger?.log('warn', 'sso verification URL not opened: unexpected address', {});
      return;
    }
    try {
      await deps.opener(url);
    } catch (error) {
      // The page shows the link; a browser that cannot be started is not a failed sign-in.
      if (!reporter.signal.aborted)
        deps.logger?.log('warn', 'could not open the browser for sign-in', {
          reason: error instanceof Error ? error.message : String(error),
        });
    }
  }

  return {
    /** Credentials provider for the SDK: from memory, renewed from the cached token when due. */
    target(profile: SsoProfile, endpoint: string | undefined): AwsTarget {
      const credentials = async () => {
        const session = sessions.get(profile.id) ?? (await renewOnce(profile, endpoint));
        return { ...session.credentials };
      };
      return endpoint ? { credentials, endpoint } : { credentials };
    },

    /** The device authorization flow, start to role credentials; progress carries the code. */
    async signIn(
      profile: SsoProfile,
      endpoint: string | undefined,
      reporter: SignInReporter,
    ): Promise<RoleSession> {
      const where = place(profile, endpoint);
      reporter.progress(0, STEPS, 'Registering Keyward with IAM Identity Center');
      const { registration, device } = await startAuthorization(
        aws,
        keychain,
        profile.id,
        where,
        profile.startUrl,
      );
      const prompt: DevicePrompt = devicePrompt(device);
      reporter.progress(1, STEPS, 'Allow access in your browser', undefined, { ...prompt });
      await open(prompt.verificationUriComplete, reporter);
      const token = await waitForApproval(aws, where, registration, device, reporter.signal);
      await saveToken(profile.id, token);
      reporter.progress(2, STEPS, 'Getting role credentials');
      sessions.delete(profile.id);
      const session = await roleSession(profile, where, token.accessToken);
      reporter.progress(3, STEPS, 'Signed in');
      return session;
    },

    /** Logout at Identity Center (best effort), then forget the token and the session. */
    async signOut(profile: SsoProfile, endpoint: string | undefined): Promise<void> {
      sessions.delete(profile.id);
      const entry = await keychain.read(profile.id);
      await keychain.forgetToken(profile.id);
      signedIn.set(profile.id, false);
      if (!entry.token) return;
      try {
        await logout(aws, place(profile, endpoint), entry.token.accessToken);
      } catch (error) {
        const reason = error instanceof KeywardError ? error : undefined;
        throw new KeywardError(
          reason?.code ?? 'internal',
          `Signed out of “${profile.name}” here, but IAM Identity Center could not be told: ${reason?.message ?? String(error)}`,
          {
            hint: 'The token is gone from the keychain; at IAM Identity Center the sign-in ends when it expires.',
            ...(reason?.aws ? { aws: reason.aws } : {}),
          },
        );
      }
    },

    /** The page's view of a profile, with whether an SSO profile is signed in. */
    async summarize(profile: StoredProfile, session: RoleSession | undefined) {
      const summary = summarize(profile, session);
      if (!summary.sso) return summary;
      return { ...summary, sso: { ...summary.sso, signedIn: await this.isSignedIn(profile.id) } };
    },

    /** The keychain holds a sign-in (token) for the profile. */
    async isSignedIn(profileId: string): Promise<boolean> {
      const known = signedIn.get(profileId);
      if (known !== undefined) return known;
      const entry = await keychain.read(profileId).catch(() => null);
      const has = entry?.token != null;
      signedIn.set(profileId, has);
      return has;
    },

    /** The profile is being deleted: its keychain entry and memory go. */
    async forget(profileId: string): Promise<void> {
      sessions.delete(profileId);
      signedIn.delete(profileId);
      await keychain.remove(profileId);
    },
  };
}

export type SsoSessions = ReturnType<typeof createSsoSessions>;
