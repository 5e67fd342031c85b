import type { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { maskAccessKeyId, type ProfileSummary } from '../../src-shared/models/profile';
import type { editProfileInput } from '../../src-shared/schemas/profile-input';
import type { AwsTarget } from '../aws/client-config';
import { oneOffPrincipal } from '../aws/principal';
import { failure } from './failure';
import { checkIdentity } from './identity-check';
import type { ProfileKit } from './profile-kit';
import type { StoredProfile, VerifiedIdentity } from './profile-store';
import { sharedConfigTarget } from './shared-config';

export type ProfileEdit = z.output<typeof editProfileInput>;

/** The profile as the edit leaves it, before its identity is checked again. */
export function applyEdit(profile: StoredProfile, edit: ProfileEdit): StoredProfile {
  if (profile.kind !== edit.kind) {
    throw new KeywardError(
      'validation',
      `“${profile.name}” is a ${profile.kind} profile; it cannot become a ${edit.kind} profile.`,
      { hint: 'Add a new profile of the other kind and delete this one.' },
    );
  }
  const common = { name: edit.name, defaultRegion: edit.defaultRegion };
  switch (edit.kind) {
    case 'access-key':
      return {
        ...(profile as Extract<StoredProfile, { kind: 'access-key' }>),
        ...common,
        mfaSerial: edit.mfaSerial,
        ...(edit.newAccessKey
          ? { accessKeyHint: maskAccessKeyId(edit.newAccessKey.accessKeyId) }
          : {}),
      };
    case 'assume-role':
      return {
        ...(profile as Extract<StoredProfile, { kind: 'assume-role' }>),
        ...common,
        roleArn: edit.roleArn,
        externalId: edit.externalId,
        sessionName: edit.sessionName,
        durationSeconds: edit.durationSeconds,
        mfaSerial: edit.mfaSerial,
      };
    case 'shared-config':
      return {
        ...(profile as Extract<StoredProfile, { kind: 'shared-config' }>),
        ...common,
        configProfile: edit.configProfile,
      };
    case 'sso':
      return {
        ...(profile as Extract<StoredProfile, { kind: 'sso' }>),
        ...common,
        startUrl: edit.startUrl,
        ssoRegion: edit.ssoRegion,
        accountId: edit.accountId,
        roleName: edit.roleName,
      };
  }
}

const identityFields = [
  'accessKeyHint',
  'roleArn',
  'externalId',
  'sessionName',
  'durationSeconds',
  'mfaSerial',
  'configProfile',
  'startUrl',
  'ssoRegion',
  'accountId',
  'roleName',
] as const;

/** Whether the edit changes who the profile is (then sessions end and STS is asked again). */
export function changesIdentity(before: StoredProfile, after: StoredProfile): boolean {
  const field = (profile: StoredProfile, name: (typeof identityFields)[number]): unknown =>
    (profile as Partial<Record<(typeof identityFields)[number], unknown>>)[name];
  return identityFields.some((name) => field(before, name) !== field(after, name));
}

type AccessKey = { accessKeyId: string; secretAccessKey: string };

export function createProfileEditor(deps: ProfileKit) {
  const { store, secrets, sessions, aws, resolver, ensureNewName } = deps;

  /** Who the edited profile is, or null when only the user can tell (an MFA code, an SSO sign-in). */
  async function identityAfterEdit(
    profile: StoredProfile,
    newKey: AccessKey | null,
    edit: ProfileEdit,
  ): Promise<VerifiedIdentity | null> {
    const endpoint = profile.target === 'sandbox' ? await resolver.sandboxEndpoint() : undefined;
    const check = (target: AwsTarget) =>
      checkIdentity(aws, oneOffPrincipal(target, { profileId: profile.id }), profile.defaultRegion);
    switch (profile.kind) {
      case 'access-key': {
        const credentials = newKey ?? (await resolver.accessKeyCredentials(profile));
        return check(endpoint ? { credentials, endpoint } : { credentials });
      }
      case 'shared-config':
        return check(sharedConfigTarget(profile.configProfile, endpoint));
      case 'assume-role': {
        const mfaCode = edit.kind === 'assume-role' ? edit.mfaCode : undefined;
        if (profile.mfaSerial && !mfaCode) return null;
        return (await resolver.startRoleSession(profile, mfaCode)).identity;
      }
      case 'sso':
        return null;
    }
  }

  return {
    async update(edit: ProfileEdit): Promise<ProfileSummary> {
      if (edit.id.startsWith('sandbox:')) {
        throw new KeywardError('invalid-state', 'The sandbox’s demo profiles cannot be edited.');
      }
      const before = await resolver.stored(edit.id);
      if (edit.name.toLowerCase() !== before.name.toLowerCase()) await ensureNewName(edit.name);
      const edited = applyEdit(before, edit);
      const newKey = edit.kind === 'access-key' ? edit.newAccessKey : null;
      if (!newKey && !changesIdentity(before, edited)) {
        await store.put(edited);
        return deps.summarize(edited);
      }
      sessions.delete(edited.id);
      if (edited.kind === 'sso') await deps.forgetSignIn(edited.id);
      const at = new Date().toISOString();
      let checked: StoredProfile = { ...edited, identity: null, lastCheck: null };
      try {
        const identity = await identityAfterEdit(edited, newKey, edit);
        if (identity) checked = { ...checked, identity, lastCheck: { at, ok: true, error: null } };
      } catch (error) {
        const reason = failure(error);
        if (!edit.saveUnverified) throw reason;
        checked = { ...checked, lastCheck: { at, ok: false, error: reason.message } };
      }
      if (newKey) await secrets.set(edited.id, JSON.stringify(newKey));
      await store.put(checked);
      resolver.changed(edited.id);
      return deps.summarize(checked);
    },
  };
}
