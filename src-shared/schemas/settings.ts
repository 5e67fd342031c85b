import { z } from 'zod';
import { regionCode } from './regions';
import { idleLockMinutes, secretStoreKind } from './secret-store';

export const themeChoice = z.enum(['system', 'light', 'dark']);

const defaultRegions = z
  .array(regionCode)
  .min(1, 'Choose at least one region')
  .max(12, 'Choose at most 12 regions')
  .refine((regions) => new Set(regions).size === regions.length, 'Each region only once');

/** An absolute path (POSIX or Windows); the file itself is checked in main when it is saved. */
export const caBundlePath = z
  .string()
  .trim()
  .min(1, 'Enter the path of a PEM file, or leave the field empty')
  .max(1024, 'At most 1024 characters')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Enter an absolute path, e.g. /etc/ssl/corp-ca.pem');

export const settingsSchema = z
  .object({
    theme: themeChoice,
    defaultRegions,
    confirmBeforeDestructive: z.boolean(),
    activeRegion: regionCode,
    activeProfileId: z.string().max(200).nullable(),
    /** The first-run welcome was read. */
    welcomeSeen: z.boolean(),
    /** The source and target profiles cross-account jobs start with. */
    crossAccountPair: z
      .object({ sourceProfileId: z.string().max(200), targetProfileId: z.string().max(200) })
      .strict()
      .nullable(),
    /** Network: extra CA certificates (PEM) trusted for real AWS, on top of the defaults. */
    caBundlePath: caBundlePath.nullable(),
    /** Network: FIPS / dual-stack endpoints for every real-AWS profile. */
    useFipsEndpoint: z.boolean(),
    useDualstackEndpoint: z.boolean(),
    /**
     * Where profiles' secrets live. Never a plain file: the OS keychain, or Keyward's file
     * encrypted under a passphrase. Changed by `secrets.useStore`, which moves the secrets.
     */
    secretStore: secretStoreKind,
    /** The encrypted file store locks itself after this many idle minutes (0: only on exit). */
    fileStoreIdleLockMinutes: idleLockMinutes,
  })
  .strict();

/** What a settings file may hold: fields added later get defaults, so older files stay valid. */
export const storedSettingsSchema = settingsSchema.extend({
  welcomeSeen: z.boolean().default(false),
  crossAccountPair: settingsSchema.shape.crossAccountPair.default(null),
  caBundlePath: caBundlePath.nullable().default(null),
  useFipsEndpoint: z.boolean().default(false),
  useDualstackEndpoint: z.boolean().default(false),
  secretStore: secretStoreKind.default('keychain'),
  fileStoreIdleLockMinutes: idleLockMinutes.default(15),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * A partial update: only the named fields change. The credential store's two settings are not
 * among them: `secrets.useStore` and `secrets.setIdleLock` change them and apply them at once.
 */
export const settingsPatchSchema = settingsSchema
  .omit({ secretStore: true, fileStoreIdleLockMinutes: true })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  defaultRegions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  confirmBeforeDestructive: true,
  activeRegion: 'us-east-1',
  /** Keyward starts on the built-in sandbox's prod administrator. */
  activeProfileId: 'sandbox:prod',
  welcomeSeen: false,
  crossAccountPair: null,
  caBundlePath: null,
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  secretStore: 'keychain',
  fileStoreIdleLockMinutes: 15,
};
