import { z } from 'zod';
import { profileTargets } from '../models/profile';
import { regionCode } from './regions';

const configProfileName = z.string().min(1).max(200);

export const importProfilesInput = z
  .object({
    names: z.array(configProfileName).min(1, 'Choose at least one profile').max(200),
    /** Where the imported profiles call: real AWS (default), or the built-in sandbox. */
    target: z.enum(profileTargets).default('aws'),
    /** For profiles that name no region in the file. */
    defaultRegion: regionCode.default('us-east-1'),
    /** Keep profiles whose identity check fails (they are marked failed). */
    saveUnverified: z.boolean().default(false),
  })
  .strict();

export type ImportProfilesInput = z.input<typeof importProfilesInput>;

export const removeKeysFromFileInput = z
  .object({
    names: z.array(configProfileName).min(1, 'Choose at least one profile').max(200),
    /** The credentials file's SHA-256 from the scan the user looked at. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'The SHA-256 the scan returned'),
    /** The user confirmed rewriting the credentials file (a backup is written first). */
    confirm: z.literal(true, {
      error: 'Removing keys rewrites your credentials file: confirm it explicitly',
    }),
  })
  .strict();

export type RemoveKeysFromFileInput = z.input<typeof removeKeysFromFileInput>;
