import { z } from 'zod';
import { regionCode } from '../schemas/regions';

export const profileKinds = [
  'sandbox',
  'access-key',
  'assume-role',
  'sso',
  'shared-config',
] as const;

/** What the renderer may know about a profile: never a secret. */
export const profileSummarySchema = z
  .object({
    id: z.string().max(200),
    name: z.string().max(200),
    kind: z.enum(profileKinds),
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .nullable(),
    defaultRegion: regionCode,
    status: z.enum(['unverified', 'verified', 'failed']),
  })
  .strict();

export type ProfileSummary = z.infer<typeof profileSummarySchema>;
