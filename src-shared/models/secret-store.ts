import { z } from 'zod';
import { idleLockMinutes, secretStoreKind } from '../schemas/secret-store';

/** A profile whose secret (access key, or IAM Identity Center sign-in) lives in a secret store. */
export const profileWithSecretSchema = z
  .object({
    id: z.string().max(200),
    name: z.string().max(200),
    kind: z.enum(['access-key', 'sso']),
  })
  .strict();

/** Which store is in use and what state each is in. Never a secret, never a passphrase. */
export const secretStoreStatusSchema = z
  .object({
    store: secretStoreKind,
    keychain: z
      .object({
        /** A probe secret could be written and removed just now. */
        available: z.boolean(),
        /** What provides it here: "Secret Service (D-Bus)", "macOS Keychain", … */
        backend: z.string().max(200),
        /** Why it is not available, as the keychain said it. */
        problem: z.string().max(2000).nullable(),
      })
      .strict(),
    file: z
      .object({
        path: z.string().max(4096),
        exists: z.boolean(),
        unlocked: z.boolean(),
      })
      .strict(),
    /** The file store is in use and locked: calls needing a secret fail until it is unlocked. */
    locked: z.boolean(),
    idleLockMinutes,
    /** Profiles whose secrets live in the store in use. */
    profilesWithSecrets: z.array(profileWithSecretSchema),
  })
  .strict();

export type SecretStoreStatus = z.infer<typeof secretStoreStatusSchema>;
export type ProfileWithSecret = z.infer<typeof profileWithSecretSchema>;

/** What switching stores did with each profile's secret. */
export const useSecretStoreResultSchema = z
  .object({
    status: secretStoreStatusSchema,
    /** Secrets moved into the new store (and removed from the old one). */
    moved: z.array(profileWithSecretSchema),
    /** The old store could not be read: these profiles need their key entered, or a sign-in, again. */
    needReentry: z.array(profileWithSecretSchema),
  })
  .strict();

export type UseSecretStoreResult = z.infer<typeof useSecretStoreResultSchema>;
