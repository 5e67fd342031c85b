import { z } from 'zod';

/**
 * awsJson timestamps arrive as epoch seconds (the JS SDK and botocore both send numbers, maybe
 * fractional). ISO text is accepted too, as a lenient extra.
 */
const timestamp = z.union([
  z.number().transform((n) => new Date(Math.round(n * 1000))),
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'Member must be a timestamp')
    .transform((s) => new Date(s)),
]);

/**
 * Deliberately loose on the members CloudTrail checks itself: the key enum, the value length,
 * MaxResults' range and EventCategory answer CloudTrail's own exceptions (lookup-events.ts),
 * not a generic ValidationException.
 */
export const lookupEventsInput = z.object({
  LookupAttributes: z
    .array(z.object({ AttributeKey: z.string(), AttributeValue: z.string() }))
    .optional(),
  StartTime: timestamp.optional(),
  EndTime: timestamp.optional(),
  EventCategory: z.string().optional(),
  MaxResults: z.number().int('Member must be an integer').optional(),
  NextToken: z.string().optional(),
});

export type LookupEventsInput = z.infer<typeof lookupEventsInput>;
