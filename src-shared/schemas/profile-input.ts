import { z } from 'zod';
import { profileTargets } from '../models/profile';
import { regionCode } from './regions';

export const profileName = z
  .string()
  .trim()
  .min(1, 'Give the profile a name')
  .max(64, 'At most 64 characters')
  .regex(/^[\w .@+-]+$/, 'Use letters, digits, spaces and . _ - @ +');

export const accessKeyId = z
  .string()
  .trim()
  .regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'An access key id is 20 characters starting with AKIA');

export const secretAccessKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9/+=]{40}$/, 'A secret access key is 40 characters (letters, digits, / + =)');

export const mfaSerial = z
  .string()
  .trim()
  .regex(
    /^(arn:aws[\w-]*:iam::\d{12}:mfa\/[\w+=,.@/-]+|[A-Z0-9]{6,64})$/,
    'An MFA device ARN or hardware serial',
  );

export const addAccessKeyProfileInput = z
  .object({
    name: profileName,
    target: z.enum(profileTargets),
    defaultRegion: regionCode,
    accessKeyId,
    secretAccessKey,
    mfaSerial: mfaSerial.optional(),
    /** Keep the profile even when the identity check fails (it is marked as failed). */
    saveUnverified: z.boolean().default(false),
  })
  .strict();

export type AddAccessKeyProfileInput = z.input<typeof addAccessKeyProfileInput>;

export const profileRef = z.object({ id: z.string().min(1).max(200) }).strict();

export const roleArn = z
  .string()
  .trim()
  .regex(
    /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'A role ARN: arn:aws:iam::<account>:role/<name>',
  );

export const mfaCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Six digits from your MFA device');

export const externalId = z
  .string()
  .trim()
  .regex(/^[\w+=,.@:/-]{2,1224}$/, '2 to 1224 characters: letters, digits and +=,.@:/-');

export const sessionName = z
  .string()
  .trim()
  .regex(/^[\w+=,.@-]{2,64}$/, '2 to 64 characters: letters, digits and +=,.@-');

export const durationSeconds = z
  .number()
  .int()
  .min(900, 'At least 900 seconds')
  .max(43200, 'At most 43200 seconds');

export const addAssumeRoleProfileInput = z
  .object({
    name: profileName,
    sourceProfileId: z.string().min(1, 'Choose the profile that assumes the role').max(200),
    roleArn,
    externalId: externalId.optional(),
    sessionName: sessionName.default('keyward'),
    durationSeconds: durationSeconds.default(3600),
    mfaSerial: mfaSerial.optional(),
    /** Needed to check the role now when it requires MFA. */
    mfaCode: mfaCode.optional(),
    defaultRegion: regionCode,
    saveUnverified: z.boolean().default(false),
  })
  .strict();

export type AddAssumeRoleProfileInput = z.input<typeof addAssumeRoleProfileInput>;

export const startSessionInput = z
  .object({ id: z.string().min(1).max(200), mfaCode: mfaCode.optional() })
  .strict();

export const configProfileName = z
  .string()
  .trim()
  .regex(/^[\w.@+-]{1,64}$/, 'The name of a profile in your AWS config file');

/** A profile that stays in ~/.aws/config and is resolved by the SDK's own providers. */
export const addSharedConfigProfileInput = z
  .object({
    name: profileName,
    configProfile: configProfileName,
    target: z.enum(profileTargets),
    defaultRegion: regionCode,
    saveUnverified: z.boolean().default(false),
  })
  .strict();

export type AddSharedConfigProfileInput = z.input<typeof addSharedConfigProfileInput>;

const ssoFields = {
  startUrl: z
    .string()
    .trim()
    .regex(
      /^https:\/\/[\w.-]+(:\d+)?(\/[\w./#-]*)?$/,
      'The AWS access portal URL, e.g. https://my-org.awsapps.com/start',
    ),
  /** The region where Identity Center runs (its OIDC and portal endpoints). */
  ssoRegion: regionCode,
  accountId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'An account id is 12 digits'),
  roleName: z
    .string()
    .trim()
    .regex(/^[\w+=,.@-]{1,64}$/, 'A permission set role name: letters, digits and +=,.@-'),
};

/** IAM Identity Center: the access portal to sign in to, and the account and role to use. */
export const addSsoProfileInput = z
  .object({
    name: profileName,
    target: z.enum(profileTargets),
    ...ssoFields,
    defaultRegion: regionCode,
  })
  .strict();

export type AddSsoProfileInput = z.input<typeof addSsoProfileInput>;

const editCommon = {
  id: z.string().min(1).max(200),
  name: profileName,
  defaultRegion: regionCode,
  /** Keep the edit even when the identity check fails (the profile is marked as failed). */
  saveUnverified: z.boolean().default(false),
  /**
   * The user saw that the edit makes the profile another principal (another ARN or account)
   * and wants it; without this main refuses such an edit with `identity-changed`.
   */
  confirmIdentityChange: z.boolean().default(false),
};

/**
 * An edit names every editable field of the profile's kind (the form sends them all). What
 * decides who the profile is (keys, role, config profile, SSO account) is checked with STS again.
 */
export const editProfileInput = z.discriminatedUnion('kind', [
  z
    .object({
      ...editCommon,
      kind: z.literal('access-key'),
      mfaSerial: mfaSerial.nullable(),
      /** New keys replace the ones in the keychain; null keeps them. */
      newAccessKey: z.object({ accessKeyId, secretAccessKey }).strict().nullable(),
    })
    .strict(),
  z
    .object({
      ...editCommon,
      kind: z.literal('assume-role'),
      roleArn,
      externalId: externalId.nullable(),
      sessionName,
      durationSeconds,
      mfaSerial: mfaSerial.nullable(),
      mfaCode: mfaCode.optional(),
    })
    .strict(),
  z
    .object({ ...editCommon, kind: z.literal('shared-config'), configProfile: configProfileName })
    .strict(),
  z.object({ ...editCommon, kind: z.literal('sso'), ...ssoFields }).strict(),
]);

export type EditProfileInput = z.input<typeof editProfileInput>;
