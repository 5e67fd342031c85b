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

export const addAssumeRoleProfileInput = z
  .object({
    name: profileName,
    sourceProfileId: z.string().min(1, 'Choose the profile that assumes the role').max(200),
    roleArn,
    externalId: z
      .string()
      .trim()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, '2 to 1224 characters: letters, digits and +=,.@:/-')
      .optional(),
    sessionName: z
      .string()
      .trim()
      .regex(/^[\w+=,.@-]{2,64}$/, '2 to 64 characters: letters, digits and +=,.@-')
      .default('keyward'),
    durationSeconds: z
      .number()
      .int()
      .min(900, 'At least 900 seconds')
      .max(43200, 'At most 43200 seconds')
      .default(3600),
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

/** A profile that stays in ~/.aws/config and is resolved by the SDK's own providers. */
export const addSharedConfigProfileInput = z
  .object({
    name: profileName,
    configProfile: z
      .string()
      .trim()
      .regex(/^[\w.@+-]{1,64}$/, 'The name of a profile in your AWS config file'),
    target: z.enum(profileTargets),
    defaultRegion: regionCode,
    saveUnverified: z.boolean().default(false),
  })
  .strict();

export type AddSharedConfigProfileInput = z.input<typeof addSharedConfigProfileInput>;

/** IAM Identity Center: the access portal to sign in to, and the account and role to use. */
export const addSsoProfileInput = z
  .object({
    name: profileName,
    target: z.enum(profileTargets),
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
    defaultRegion: regionCode,
  })
  .strict();

export type AddSsoProfileInput = z.input<typeof addSsoProfileInput>;
