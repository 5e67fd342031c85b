import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { SecretStore } from '../../credentials/secret-store';

/** The OIDC client Keyward registered with an Identity Center region (reused until it expires). */
const registrationSchema = z
  .object({
    clientId: z.string().min(1).max(4096),
    clientSecret: z.string().min(1).max(8192),
    /** epoch ms */
    expiresAt: z.number(),
    region: z.string().max(32),
    /** Where it was registered: the sandbox endpoint, or `aws`. */
    issuer: z.string().max(512),
  })
  .strict();

const tokenSchema = z
  .object({
    accessToken: z.string().min(1).max(8192),
    refreshToken: z.string().min(1).max(8192).optional(),
    /** epoch ms */
    expiresAt: z.number(),
  })
  .strict();

/**
 * One keychain entry per SSO profile (service `keyward`, account = profile id): the client
 * registration and the sign-in's tokens. Never on disk, never sent to the page.
 */
const entrySchema = z
  .object({
    kind: z.literal('sso'),
    registration: registrationSchema.nullable(),
    token: tokenSchema.nullable(),
  })
  .strict();

export type SsoRegistration = z.infer<typeof registrationSchema>;
export type SsoToken = z.infer<typeof tokenSchema>;
export type SsoKeychainEntry = z.infer<typeof entrySchema>;

const EMPTY: SsoKeychainEntry = { kind: 'sso', registration: null, token: null };

export function createSsoKeychain(secrets: SecretStore) {
  return {
    async read(profileId: string): Promise<SsoKeychainEntry> {
      const raw = await secrets.get(profileId);
      if (raw === null) return EMPTY;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const checked = entrySchema.safeParse(parsed);
      if (!checked.success) {
        throw new KeywardError(
          'credentials-invalid',
          'The keychain entry of this IAM Identity Center profile is not readable.',
          { hint: 'Sign out of the profile (or delete it) and sign in again.' },
        );
      }
      return checked.data;
    },
    async write(profileId: string, entry: SsoKeychainEntry): Promise<void> {
      await secrets.set(profileId, JSON.stringify(entrySchema.parse(entry)));
    },
    /** Signs out locally: the token goes, the client registration stays for the next sign-in. */
    async forgetToken(profileId: string): Promise<void> {
      const registration = await this.read(profileId).then(
        (entry) => entry.registration,
        () => null,
      );
      if (registration === null && (await secrets.get(profileId)) === null) return;
      await secrets.set(profileId, JSON.stringify({ ...EMPTY, registration }));
    },
    remove: (profileId: string) => secrets.delete(profileId),
  };
}

export type SsoKeychain = ReturnType<typeof createSsoKeychain>;
