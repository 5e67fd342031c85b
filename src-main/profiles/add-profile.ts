import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { maskAccessKeyId, type ProfileSummary } from '../../src-shared/models/profile';
import type {
  addAccessKeyProfileInput,
  addAssumeRoleProfileInput,
  addSharedConfigProfileInput,
  addSsoProfileInput,
} from '../../src-shared/schemas/profile-input';
import { oneOffPrincipal } from '../aws/principal';
import { failure } from './failure';
import { checkIdentity } from './identity-check';
import type { ProfileKit } from './profile-kit';
import type { StoredProfile } from './profile-store';
import { sharedConfigTarget } from './shared-config';

type AddAccessKey = z.output<typeof addAccessKeyProfileInput>;
type AddAssumeRole = z.output<typeof addAssumeRoleProfileInput>;
type AddSharedConfig = z.output<typeof addSharedConfigProfileInput>;
type AddSso = z.output<typeof addSsoProfileInput>;
type AssumeRoleProfile = Extract<StoredProfile, { kind: 'assume-role' }>;

/** Adding a profile of each kind: checked with STS first where credentials allow it. */
export function createProfileAdders(kit: ProfileKit & { list(): Promise<ProfileSummary[]> }) {
  const { store, secrets, aws, resolver, ensureNewName } = kit;

  return {
    async addAccessKey(input: AddAccessKey): Promise<ProfileSummary> {
      await ensureNewName(input.name);
      const secret = JSON.stringify({
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
      });
      const credentials = {
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
      };
      const endpoint = input.target === 'sandbox' ? await resolver.sandboxEndpoint() : undefined;
      const now = new Date().toISOString();
      let identity: StoredProfile['identity'] = null;
      let checkError: KeywardError | undefined;
      try {
        identity = await checkIdentity(
          aws,
          oneOffPrincipal(endpoint ? { credentials, endpoint } : { credentials }),
          input.defaultRegion,
        );
      } catch (error) {
        checkError = failure(error);
        if (!input.saveUnverified) throw checkError;
      }
      const profile: StoredProfile = {
        id: randomUUID(),
        name: input.name,
        kind: 'access-key',
        target: input.target,
        defaultRegion: input.defaultRegion,
        accessKeyHint: maskAccessKeyId(input.accessKeyId),
        mfaSerial: input.mfaSerial ?? null,
        createdAt: now,
        identity,
        lastCheck: { at: now, ok: identity !== null, error: checkError?.message ?? null },
      };
      await secrets.set(profile.id, secret);
      try {
        await store.put(profile);
      } catch (error) {
        await secrets.delete(profile.id);
        throw error;
      }
      return kit.summarize(profile);
    },

    async addAssumeRole(input: AddAssumeRole): Promise<ProfileSummary> {
      await ensureNewName(input.name);
      const source = (await kit.list()).find((profile) => profile.id === input.sourceProfileId);
      if (!source) {
        throw new KeywardError('validation', 'The source profile does not exist.', {
          fieldErrors: { sourceProfileId: 'Choose an existing profile' },
        });
      }
      if (input.mfaSerial && !input.mfaCode && !input.saveUnverified) {
        throw new KeywardError('validation', 'This role needs an MFA code to be checked.', {
          fieldErrors: { mfaCode: 'Enter the current code, or save without checking' },
        });
      }
      const now = new Date().toISOString();
      const profile: AssumeRoleProfile = {
        id: randomUUID(),
        name: input.name,
        kind: 'assume-role',
        target: source.target,
        defaultRegion: input.defaultRegion,
        sourceProfileId: input.sourceProfileId,
        roleArn: input.roleArn,
        externalId: input.externalId ?? null,
        sessionName: input.sessionName,
        durationSeconds: input.durationSeconds,
        mfaSerial: input.mfaSerial ?? null,
        createdAt: now,
        identity: null,
        lastCheck: null,
      };
      let checked: AssumeRoleProfile = profile;
      if (!input.mfaSerial || input.mfaCode) {
        try {
          const session = await resolver.startRoleSession(profile, input.mfaCode);
          checked = {
            ...profile,
            identity: session.identity,
            lastCheck: { at: now, ok: true, error: null },
          };
        } catch (error) {
          const reason = failure(error);
          if (!input.saveUnverified) throw reason;
          checked = { ...profile, lastCheck: { at: now, ok: false, error: reason.message } };
        }
      }
      await store.put(checked);
      return kit.summarize(checked);
    },

    async addSharedConfig(input: AddSharedConfig): Promise<ProfileSummary> {
      await ensureNewName(input.name);
      const endpoint = input.target === 'sandbox' ? await resolver.sandboxEndpoint() : undefined;
      const now = new Date().toISOString();
      let identity: StoredProfile['identity'] = null;
      let checkError: KeywardError | undefined;
      try {
        identity = await checkIdentity(
          aws,
          oneOffPrincipal(sharedConfigTarget(input.configProfile, endpoint)),
          input.defaultRegion,
        );
      } catch (error) {
        checkError = failure(error);
        if (!input.saveUnverified) throw checkError;
      }
      const profile: StoredProfile = {
        id: randomUUID(),
        name: input.name,
        kind: 'shared-config',
        target: input.target,
        defaultRegion: input.defaultRegion,
        configProfile: input.configProfile,
        createdAt: now,
        identity,
        lastCheck: { at: now, ok: identity !== null, error: checkError?.message ?? null },
      };
      await store.put(profile);
      return kit.summarize(profile);
    },

    /** Saves an IAM Identity Center profile; it has no credentials until the user signs in. */
    async addSso(input: AddSso): Promise<ProfileSummary> {
      await ensureNewName(input.name);
      const profile: StoredProfile = {
        id: randomUUID(),
        name: input.name,
        kind: 'sso',
        target: input.target,
        defaultRegion: input.defaultRegion,
        startUrl: input.startUrl,
        ssoRegion: input.ssoRegion,
        accountId: input.accountId,
        roleName: input.roleName,
        createdAt: new Date().toISOString(),
        identity: null,
        lastCheck: null,
      };
      await store.put(profile);
      return kit.summarize(profile);
    },
  };
}
