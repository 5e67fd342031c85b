import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { maskAccessKeyId, type ProfileSummary } from '../../src-shared/models/profile';
import type { editProfileInput } from '../../src-shared/schemas/profile-input';
import type { AwsTarget } from '../aws/client-config';
import { oneOffPrincipal } from '../aws/principal';
import { assumeRole, type RoleSession } from './assume-role';
import { failure } from './failure';
import {
  identityAfter,
  identityBefore,
  identityChangedError,
  identityDiffers,
} from './identity-change';
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

/** What checking an edit found: who the profile would be, and the role session that showed it. */
interface EditCheck {
  readonly identity: VerifiedIdentity | null;
  readonly session?: RoleSession;
}

/** How long a check that found another identity waits for the user's confirmation. */
export const CONFIRMATION_WINDOW_MS = 5 * 60 * 1000;

/** The edit as the user confirms it: the same fields (a hash, so no secret is kept in clear). */
function fingerprintOf(edit: ProfileEdit): string {
  const comparable = {
    ...edit,
    confirmIdentityChange: undefined,
    saveUnverified: undefined,
    mfaCode: undefined,
  };
  return createHash('sha256').update(JSON.stringify(comparable)).digest('hex');
}

export function createProfileEditor(deps: ProfileKit, now: () => number = Date.now) {
  const { store, secrets, sessions, aws, resolver, ensureNewName } = deps;
  /**
   * Checks that found another identity, per profile, until the user confirms or the window
   * ends: "Save with the new identity" saves what the user saw, without asking STS again (an
   * MFA code cannot be used twice).
   */
  const awaiting = new Map<string, { fingerprint: string; check: EditCheck; until: number }>();

  function heldCheck(edit: ProfileEdit): EditCheck | undefined {
    const held = awaiting.get(edit.id);
    awaiting.delete(edit.id);
    if (!held || held.until < now() || held.fingerprint !== fingerprintOf(edit)) return undefined;
    return held.check;
  }

  /**
   * Who the edited profile is, without changing anything yet (no key written, no session
   * kept); identity null when only the user can tell (an MFA code, an SSO sign-in).
   */
  async function checkEdit(
    profile: StoredProfile,
    newKey: AccessKey | null,
    edit: ProfileEdit,
  ): Promise<EditCheck> {
    const endpoint = profile.target === 'sandbox' ? await resolver.sandboxEndpoint() : undefined;
    const check = async (target: AwsTarget): Promise<EditCheck> => ({
      identity: await checkIdentity(
        aws,
        oneOffPrincipal(target, { profileId: profile.id }),
        profile.defaultRegion,
      ),
    });
    switch (profile.kind) {
      case 'access-key': {
        const credentials = newKey ?? (await resolver.accessKeyCredentials(profile));
        return check(endpoint ? { credentials, endpoint } : { credentials });
      }
      case 'shared-config':
        return check(sharedConfigTarget(profile.configProfile, endpoint));
      case 'assume-role': {
        const mfaCode = edit.kind === 'assume-role' ? edit.mfaCode : undefined;
        if (profile.mfaSerial && !mfaCode) return { identity: null };
        const source = await resolver.principal(profile.sourceProfileId);
        const session = await assumeRole(aws, source, profile, mfaCode);
        return { identity: session.identity, session };
      }
      case 'sso':
        return { identity: null };
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
      const at = new Date(now()).toISOString();
      let checked: StoredProfile = { ...edited, identity: null, lastCheck: null };
      let found: EditCheck = { identity: null };
      try {
        found =
          (edit.confirmIdentityChange ? heldCheck(edit) : undefined) ??
          (await checkEdit(edited, newKey, edit));
        if (found.identity) {
          checked = {
            ...checked,
            identity: found.identity,
            lastCheck: { at, ok: true, error: null },
          };
        }
      } catch (error) {
        const reason = failure(error);
        if (!edit.saveUnverified) throw reason;
        checked = { ...checked, lastCheck: { at, ok: false, error: reason.message } };
      }
      // Another principal than before is kept only once the user has seen both and confirmed.
      const was = identityBefore(before);
      const becomes = identityAfter(edited, found.identity);
      if (!edit.confirmIdentityChange && was && becomes && identityDiffers(was, becomes)) {
        if (found.identity) {
          awaiting.set(edit.id, {
            fingerprint: fingerprintOf(edit),
            check: found,
            until: now() + CONFIRMATION_WINDOW_MS,
          });
        }
        throw identityChangedError(edited, was, becomes);
      }
      // Only now does anything change: sessions of the old identity end, the new key is written.
      awaiting.delete(edit.id);
      sessions.delete(edited.id);
      if (edited.kind === 'sso') await deps.forgetSignIn(edited.id);
      if (found.session) sessions.set(edited.id, found.session);
      const oldSecret = newKey ? await secrets.get(edited.id) : null;
      if (newKey) await secrets.set(edited.id, JSON.stringify(newKey));
      try {
        await store.put(checked);
      } catch (error) {
        // The profile file still names the old key: so must the keychain.
        if (oldSecret !== null) await secrets.set(edited.id, oldSecret);
        throw error;
      }
      resolver.changed(edited.id);
      return deps.summarize(checked);
    },
  };
}
