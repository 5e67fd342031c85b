import type { ProfileSummary } from '../../src-shared/models/profile';
import type { StoredProfile } from './profile-store';
import type { RoleSession } from './assume-role';

/** What the page may know of a saved profile (no secret, no session credentials). */
export function summarize(
  profile: StoredProfile,
  session: RoleSession | undefined,
): ProfileSummary {
  const base = {
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
    mfaSerial: profile.mfaSerial,
    removable: true,
  } as const;
  if (profile.kind === 'access-key') {
    return {
      ...base,
      accessKeyHint: profile.accessKeyHint,
      roleArn: null,
      sourceProfileId: null,
      session: null,
      needsMfa: false,
    };
  }
  return {
    ...base,
    accessKeyHint: null,
    roleArn: profile.roleArn,
    sourceProfileId: profile.sourceProfileId,
    session: session ? { expiresAt: session.credentials.expiration.toISOString() } : null,
    needsMfa: profile.mfaSerial !== null && !session,
  };
}
