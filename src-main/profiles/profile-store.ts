import { join } from 'node:path';
import { z } from 'zod';
import { principalTypes, profileTargets } from '../../src-shared/models/profile';
import { regionCode } from '../../src-shared/schemas/regions';
import type { Logger } from '../log/logger';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

const identitySchema = z
  .object({
    accountId: z.string().regex(/^\d{12}$/),
    arn: z.string().max(2048),
    principalType: z.enum(principalTypes),
    verifiedAt: z.string(),
  })
  .strict();

export type VerifiedIdentity = z.infer<typeof identitySchema>;

const common = {
  id: z.string().max(200),
  name: z.string().max(200),
  target: z.enum(profileTargets),
  defaultRegion: regionCode,
  createdAt: z.string(),
  identity: identitySchema.nullable(),
  lastCheck: z
    .object({ at: z.string(), ok: z.boolean(), error: z.string().max(2000).nullable() })
    .strict()
    .nullable(),
};

/** A saved profile's metadata. Secrets are never here: they live in the OS keychain under `id`. */
export const storedProfileSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...common,
      kind: z.literal('access-key'),
      accessKeyHint: z.string().max(40),
      mfaSerial: z.string().max(256).nullable(),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('assume-role'),
      sourceProfileId: z.string().max(200),
      roleArn: z.string().max(2048),
      externalId: z.string().max(1224).nullable(),
      sessionName: z.string().max(64),
      durationSeconds: z.number().int(),
      mfaSerial: z.string().max(256).nullable(),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('shared-config'),
      configProfile: z.string().max(64),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('sso'),
      startUrl: z.string().max(512),
      ssoRegion: regionCode,
      accountId: z.string().regex(/^\d{12}$/),
      roleName: z.string().max(64),
    })
    .strict(),
]);

export type StoredProfile = z.infer<typeof storedProfileSchema>;

const profilesFileSchema = z
  .object({ version: z.literal(1), profiles: z.array(storedProfileSchema) })
  .strict();

export interface ProfileStore {
  list(): Promise<readonly StoredProfile[]>;
  get(id: string): Promise<StoredProfile | undefined>;
  put(profile: StoredProfile): Promise<void>;
  remove(id: string): Promise<boolean>;
}

/** Profile metadata in `<dataDir>/profiles.json`, written atomically, one change at a time. */
export function createProfileStore(dataDir: string, logger: Logger): ProfileStore {
  const path = join(dataDir, 'profiles.json');
  let cache: Promise<StoredProfile[]> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<StoredProfile[]> {
    const read = await readJsonFile(path, profilesFileSchema);
    if (read.state === 'ok') return [...read.value.profiles];
    if (read.state === 'corrupt') {
      logger.log('warn', 'profiles file was invalid; moved aside', {
        backupPath: read.backupPath,
        reason: read.reason,
      });
    }
    return [];
  }

  const all = (): Promise<StoredProfile[]> => (cache ??= load());

  function change(edit: (profiles: StoredProfile[]) => StoredProfile[]): Promise<StoredProfile[]> {
    const next = queue.then(async () => {
      const updated = edit(await all());
      await writeJsonFile(path, { version: 1, profiles: updated });
      cache = Promise.resolve(updated);
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    list: () => all(),
    get: async (id) => (await all()).find((profile) => profile.id === id),
    async put(profile) {
      await change((profiles) => [
        ...profiles.filter((existing) => existing.id !== profile.id),
        profile,
      ]);
    },
    async remove(id) {
      let removed = false;
      await change((profiles) => {
        removed = profiles.some((profile) => profile.id === id);
        return profiles.filter((profile) => profile.id !== id);
      });
      return removed;
    },
  };
}
