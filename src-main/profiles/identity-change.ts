import { KeywardError, type IdentitySide } from '../../src-shared/errors';
import type { StoredProfile, VerifiedIdentity } from './profile-store';

/**
 * The principal an ARN names. An assumed role's session name is a label the profile chooses
 * (`…:assumed-role/BackupOperator/keyward`), not who it is: the role is.
 */
export function principalOf(arn: string): string {
  return /^(arn:[\w-]+:sts::\d{12}:assumed-role\/[^/]+)\/[^/]+$/.exec(arn)?.[1] ?? arn;
}

/**
 * Whether `after` is another principal than `before`: another account, another ARN (an
 * assumed role's session name aside), or — for IAM Identity Center, whose ARN is known only
 * after sign-in — another permission-set role. What one side does not know is not compared.
 */
export function identityDiffers(before: IdentitySide, after: IdentitySide): boolean {
  if (before.accountId && after.accountId && before.accountId !== after.accountId) return true;
  if (before.arn && after.arn && principalOf(before.arn) !== principalOf(after.arn)) return true;
  if (before.roleName !== undefined && after.roleName !== undefined) {
    return before.roleName !== after.roleName;
  }
  return false;
}

/** The session ARN STS answers for a role: arn:aws:sts::<account>:assumed-role/<name>/<session>. */
export function assumedRoleArn(roleArn: string, sessionName: string): IdentitySide {
  const [, partition = 'aws', , , accountId = ''] = roleArn.split(':');
  const name = roleArn.split('/').pop() ?? '';
  return {
    accountId,
    arn: `arn:${partition}:sts::${accountId}:assumed-role/${name}/${sessionName}`,
  };
}

/** Who a saved profile was, for the comparison (null: never known, so nothing to compare). */
export function identityBefore(profile: StoredProfile): IdentitySide | null {
  if (!profile.identity) return null;
  const { accountId, arn } = profile.identity;
  return profile.kind === 'sso'
    ? { accountId, arn, roleName: profile.roleName }
    : { accountId, arn };
}

/**
 * Who the edited profile will be: what STS answered, else what its settings already say (the
 * role of an assume-role profile; an SSO profile's account and role, signed in later), else
 * unknown (a failed check, saved marked failed on request).
 */
export function identityAfter(
  edited: StoredProfile,
  checked: VerifiedIdentity | null,
): IdentitySide | null {
  if (checked) return { accountId: checked.accountId, arn: checked.arn };
  switch (edited.kind) {
    case 'assume-role':
      return assumedRoleArn(edited.roleArn, edited.sessionName);
    case 'sso':
      return { accountId: edited.accountId, arn: null, roleName: edited.roleName };
    default:
      return null;
  }
}

const describe = (side: IdentitySide): string =>
  side.arn ?? `account ${side.accountId ?? '?'}, role ${side.roleName ?? '?'}`;

/** What the confirmation keeps, by kind: the key, the role, the config profile, the account. */
const changed: Record<StoredProfile['kind'], string> = {
  'access-key': 'access key',
  'assume-role': 'role',
  'shared-config': 'AWS config profile',
  sso: 'account and role',
};

/** The refusal of an edit that would change who a profile is, until the user confirms it. */
export function identityChangedError(
  profile: StoredProfile,
  before: IdentitySide,
  after: IdentitySide,
): KeywardError {
  const accounts =
    before.accountId && after.accountId && before.accountId !== after.accountId
      ? ` — another account (${before.accountId} → ${after.accountId})`
      : '';
  return new KeywardError(
    'identity-changed',
    `With the new ${changed[profile.kind]}, “${profile.name}” would act as ${describe(after)}${accounts}; it was ${describe(before)}.`,
    {
      hint: `Nothing has been changed yet. Save with the new identity if that is intended, or keep the old ${changed[profile.kind]}.`,
      details: { kind: 'identity-change', before, after },
    },
  );
}
