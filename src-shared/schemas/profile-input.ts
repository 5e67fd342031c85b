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
