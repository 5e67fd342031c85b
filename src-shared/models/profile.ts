import { z } from 'zod';
import { regionCode } from '../schemas/regions';

export const profileKinds = [
  'sandbox',
  'access-key',
  'assume-role',
  'sso',
  'shared-config',
] as const;
export type ProfileKind = (typeof profileKinds)[number];

/** Where a profile's calls go: real AWS, or the embedded offline sandbox. */
export const profileTargets = ['aws', 'sandbox'] as const;
export type ProfileTarget = (typeof profileTargets)[number];

export const principalTypes = [
  'root',
  'user',
  'assumed-role',
  'federated-user',
  'unknown',
] as const;

/** What a profile may show the renderer: never a secret. */
export const profileSummarySchema = z
  .object({
    id: z.string().max(200),
    name: z.string().max(200),
    kind: z.enum(profileKinds),
    target: z.enum(profileTargets),
    defaultRegion: regionCode,
    status: z.enum(['unverified', 'verified', 'failed']),
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .nullable(),
    arn: z.string().max(2048).nullable(),
    principalType: z.enum(principalTypes).nullable(),
    lastVerifiedAt: z.string().nullable(),
    lastError: z.string().max(2000).nullable(),
    /** `AKIA…WXYZ`: enough to tell two keys apart, not enough to use one. */
    accessKeyHint: z.string().max(40).nullable(),
    mfaSerial: z.string().max(256).nullable(),
    /** shared-config: the profile's name in ~/.aws/config. */
    configProfile: z.string().max(64).nullable(),
    /** assume-role: the role and the profile whose identity assumes it. */
    roleArn: z.string().max(2048).nullable(),
    sourceProfileId: z.string().max(200).nullable(),
    /** assume-role: how the role is assumed (an external ID is an agreement, not a secret). */
    roleOptions: z
      .object({
        externalId: z.string().max(1224).nullable(),
        sessionName: z.string().max(64),
        durationSeconds: z.number().int(),
      })
      .strict()
      .nullable(),
    /** sso: the access portal, account and permission-set role. */
    sso: z
      .object({
        startUrl: z.string().max(512),
        ssoRegion: regionCode,
        accountId: z.string().regex(/^\d{12}$/),
        roleName: z.string().max(64),
        /** The keychain holds an Identity Center sign-in (token) for this profile. */
        signedIn: z.boolean(),
      })
      .strict()
      .nullable(),
    /** Temporary credentials held in main's memory only; the UI shows the time left. */
    session: z.object({ expiresAt: z.string() }).strict().nullable(),
    /** A new session needs an MFA code from the user. */
    needsMfa: z.boolean(),
    removable: z.boolean(),
  })
  .strict();

export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export function maskAccessKeyId(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
