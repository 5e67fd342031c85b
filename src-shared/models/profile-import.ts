import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { profileKinds, profileSummarySchema } from './profile';

/** The kinds an AWS config profile can become in Keyward (never `sandbox`). */
export const importKinds = profileKinds.filter(
  (kind): kind is Exclude<(typeof profileKinds)[number], 'sandbox'> => kind !== 'sandbox',
);

const awsFileSchema = z
  .object({
    path: z.string().max(4096),
    exists: z.boolean(),
    /** SHA-256 of the file as scanned; removing keys refuses when the file has changed since. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  })
  .strict();

export type AwsFileInfo = z.infer<typeof awsFileSchema>;

/** One profile found in ~/.aws/config or ~/.aws/credentials, as Keyward would import it. No secrets. */
export const importEntrySchema = z
  .object({
    name: z.string().max(200),
    sources: z.array(z.enum(['config', 'credentials'])).max(2),
    kind: z.enum(importKinds),
    region: z.string().max(64).nullable(),
    mfaSerial: z.string().max(256).nullable(),
    /** Static keys: `AKIA…WXYZ` only. */
    accessKeyHint: z.string().max(40).nullable(),
    /** Static keys that sit in the credentials file and could be removed from it after import. */
    keysInCredentialsFile: z.boolean(),
    roleArn: z.string().max(2048).nullable(),
    /** assume-role: the config profile whose identity assumes the role. */
    sourceProfile: z.string().max(200).nullable(),
    sso: z
      .object({
        startUrl: z.string().max(512),
        ssoRegion: z.string().max(64),
        accountId: z.string().max(12),
        roleName: z.string().max(64),
        session: z.string().max(200).nullable(),
      })
      .strict()
      .nullable(),
    /** Why this kind, in a sentence (e.g. temporary keys stay in the file). */
    notes: z.array(z.string().max(500)).max(10),
    /** What stops the import; an entry with problems cannot be imported. */
    problems: z.array(z.string().max(500)).max(10),
    /** A Keyward profile with this name exists already. */
    alreadyImported: z.boolean(),
    importable: z.boolean(),
  })
  .strict();

export type ImportEntry = z.infer<typeof importEntrySchema>;

export const importScanSchema = z
  .object({
    files: z.object({ config: awsFileSchema, credentials: awsFileSchema }).strict(),
    entries: z.array(importEntrySchema).max(1000),
  })
  .strict();

export type ImportScan = z.infer<typeof importScanSchema>;

export const importResultSchema = z
  .object({
    results: z
      .array(
        z
          .object({
            name: z.string().max(200),
            /** The saved profile (its status says whether the identity check passed). */
            profile: profileSummarySchema.nullable(),
            error: serializedErrorSchema.nullable(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

export type ImportResult = z.infer<typeof importResultSchema>;

export const removeKeysResultSchema = z
  .object({
    credentialsFile: z.string().max(4096),
    backupPath: z.string().max(4096),
    removed: z.array(z.string().max(200)),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type RemoveKeysResult = z.infer<typeof removeKeysResultSchema>;
