import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';

/** Pages of 50 events read at most per lookup (LookupEvents allows 2 requests a second). */
export const ACTIVITY_PAGE_CAP = 10;
export const ACTIVITY_PAGE_SIZE = 50;

/** The KMS operations that use key material: what request pricing counts per key. */
export const CRYPTOGRAPHIC_OPERATIONS: readonly string[] = [
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
];

const tally = z.object({ name: z.string().max(2048), count: z.number().int() }).strict();

/** What CloudTrail's event history says about one key over the last `days` days. */
export const keyActivitySchema = z
  .object({
    days: z.number().int().positive(),
    /** Events naming the key (every KMS call on it, not only cryptographic ones). */
    count: z.number().int().nonnegative(),
    /** Of those, the cryptographic calls (what requests are billed for). */
    cryptographicCount: z.number().int().nonnegative(),
    /** The lookup stopped at the page cap: the counts are "at least". */
    capped: z.boolean(),
    /** The newest cryptographic call (a role's session is named as the role). */
    last: z
      .object({
        time: z.string().max(40),
        eventName: z.string().max(200),
        caller: z.string().max(2048).nullable(),
      })
      .strict()
      .nullable(),
    /** Most frequent first, at most five: operations over every event. */
    topEvents: z.array(tally).max(5),
    /** Who made the cryptographic calls, most frequent first, at most five. */
    topCallers: z.array(tally).max(5),
  })
  .strict();

/** The activity, or why CloudTrail could not tell (the rest of a report still shows). */
export const keyActivityResultSchema = z
  .object({
    activity: keyActivitySchema.nullable(),
    /** "CloudTrail is not readable with this profile" for AccessDenied, else what AWS said. */
    reason: z.string().max(2000).nullable(),
    error: serializedErrorSchema.nullable(),
  })
  .strict();

export type KeyActivity = z.infer<typeof keyActivitySchema>;
export type KeyActivityResult = z.infer<typeof keyActivityResultSchema>;
