import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { maskAccessKeyId, type ProfileSummary } from '../../src-shared/models/profile';
import type { addAccessKeyProfileInput } from '../../src-shared/schemas/profile-input';
import type { AwsTarget } from '../aws/client-config';
import type { SecretStore } from '../credentials/secret-store';
import type { EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { checkIdentity } from './identity-check';
import type { ProfileStore, StoredProfile } from './profile-store';
import { createSandboxProfiles } from './sandbox-profiles';

type AddAccessKey = z.output<typeof addAccessKeyProfileInput>;

const accessKeySecretSchema = z
  .object({ accessKeyId: z.string(), secretAccessKey: z.string() })
  .strict();

function summarize(profile: StoredProfile): ProfileSummary {
  return {
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
    accessKeyHint: profile.accessKeyHint,
    mfaSerial: profile.mfaSerial,
    removable: true,
  };
}

/** Profiles: the sandbox's identities plus the user's own; secrets only in the keychain. */
export function createProfileService(deps: {
  store: ProfileStore;
  secrets: SecretStore;
  sandbox: EmbeddedSandbox | undefined;
}) {
  const { store, secrets, sandbox } = deps;
  const sandboxProfiles = createSandboxProfiles(sandbox);

  async function sandboxEndpoint(): Promise<string> {
    const running = await sandbox?.ready;
    if (!running) {
      throw new KeywardError('unavailable', 'The built-in sandbox is not running.', {
        hint: 'Restart Keyward; if it keeps failing, the log in the data directory says why.',
      });
    }
    return running.endpoint;
  }

  async function targetFor(profile: StoredProfile): Promise<AwsTarget> {
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
    const credentials = { accessKeyId, secretAccessKey };
    return profile.target === 'sandbox'
      ? { credentials, endpoint: await sandboxEndpoint() }
      : { credentials };
  }

  async function stored(id: string): Promise<StoredProfile> {
    const profile = await store.get(id);
    if (!profile) throw new KeywardError('not-found', `There is no profile with id ${id}.`);
    return profile;
  }

  return {
    async list(): Promise<ProfileSummary[]> {
      const [demo, own] = await Promise.all([sandboxProfiles.list(), store.list()]);
      return [...demo.map((profile) => profile.summary), ...own.map(summarize)];
    },

    async addAccessKey(input: AddAccessKey): Promise<ProfileSummary> {
      const own = await store.list();
      if (own.some((profile) => profile.name.toLowerCase() === input.name.toLowerCase())) {
        throw new KeywardError('validation', `A profile named “${input.name}” exists already.`, {
          fieldErrors: { name: 'A profile with this name exists already' },
        });
      }
      const secret = JSON.stringify({
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
      });
      const credentials = {
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
      };
      const target: AwsTarget =
        input.target === 'sandbox'
          ? { credentials, endpoint: await sandboxEndpoint() }
          : { credentials };
      const now = new Date().toISOString();
      let identity: StoredProfile['identity'] = null;
      let checkError: KeywardError | undefined;
      try {
        identity = await checkIdentity(target, input.defaultRegion);
      } catch (error) {
        checkError =
          error instanceof KeywardError ? error : new KeywardError('internal', String(error));
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
      return summarize(profile);
    },

    async verify(id: string): Promise<ProfileSummary> {
      const demo = (await sandboxProfiles.list()).find((profile) => profile.summary.id === id);
      if (demo) return demo.summary;
      const profile = await stored(id);
      const at = new Date().toISOString();
      try {
        const identity = await checkIdentity(await targetFor(profile), profile.defaultRegion);
        const updated: StoredProfile = {
          ...profile,
          identity,
          lastCheck: { at, ok: true, error: null },
        };
        await store.put(updated);
        return summarize(updated);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const updated: StoredProfile = { ...profile, lastCheck: { at, ok: false, error: message } };
        await store.put(updated);
        throw error;
      }
    },

    async remove(id: string): Promise<boolean> {
      if (id.startsWith('sandbox:')) {
        throw new KeywardError('invalid-state', 'The sandbox’s demo profiles cannot be deleted.', {
          hint: 'They exist as long as the built-in sandbox runs, and need no credentials.',
        });
      }
      await stored(id);
      await secrets.delete(id);
      return store.remove(id);
    },

    /** How to call AWS as a profile (for services); never leaves the main process. */
    async target(id: string): Promise<AwsTarget> {
      const demo = (await sandboxProfiles.list()).find((profile) => profile.summary.id === id);
      if (demo) return demo.target;
      return targetFor(await stored(id));
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
