import type { ProfileSummary } from '../../src-shared/models/profile';
import type { RoleSession } from './assume-role';
import type { StoredProfile } from './profile-store';

/** What the page may know of a saved profile (no secret, no session credentials). */
export function summarize(
  profile: StoredProfile,
  session: RoleSession | undefined,
): ProfileSummary {
  const base: ProfileSummary = {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    target: profile.target,
    defaultRegion: profile.defaultRegion,
    status:
      profile.lastCheck === null ? 'unverified' : profile.lastCheck.ok ? 'verified' : 'failed',
    accountId: profile.identity?.accountId ?? null,
    arn: profile.identity?.arn ?? null,
    principalType: profile.identity?.principalType ?? null,
    lastVerifiedAt: profile.identity?.verifiedAt ?? null,
    lastError: profile.lastCheck?.error ?? null,
    accessKeyHint: null,
    mfaSerial: null,
    configProfile: null,
    roleArn: null,
    sourceProfileId: null,
    roleOptions: null,
    sso: null,
    session: null,
    needsMfa: false,
    removable: true,
  };
  switch (profile.kind) {
    case 'access-key':
      // With an MFA device, a GetSessionToken session may be running (mfa-session.ts).
      return {
        ...base,
        accessKeyHint: profile.accessKeyHint,
        mfaSerial: profile.mfaSerial,
        session: session ? { expiresAt: session.credentials.expiration.toISOString() } : null,
        needsMfa: profile.mfaSerial !== null && !session,
      };
    case 'shared-config':
      return { ...base, configProfile: profile.configProfile };
    case 'sso':
      return {
        ...base,
        sso: {
          startUrl: profile.startUrl,
          ssoRegion: profile.ssoRegion,
          accountId: profile.accountId,
          roleName: profile.roleName,
          signedIn: false,
        },
        session: session ? { expiresAt: session.credentials.expiration.toISOString() } : null,
      };
    case 'assume-role':
      return {
        ...base,
        mfaSerial: profile.mfaSerial,
        roleArn: profile.roleArn,
        sourceProfileId: profile.sourceProfileId,
        roleOptions: {
          externalId: profile.externalId,
          sessionName: profile.sessionName,
          durationSeconds: profile.durationSeconds,
        },
        session: session ? { expiresAt: session.credentials.expiration.toISOString() } : null,
        needsMfa: profile.mfaSerial !== null && !session,
      };
  }
}
