import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';

/** One CloudTrail event a run caused: a change it made, or a call of it AWS refused. */
export const runEventSchema = z
  .object({
    time: z.string(),
    eventName: z.string(),
    eventSource: z.string(),
    /** The caller's ARN (or user name) as CloudTrail names it. */
    who: z.string(),
    requestId: z.string().nullable(),
    errorCode: z.string().nullable(),
    profileId: z.string(),
    region: z.string(),
  })
  .strict();
export type RunEvent = z.output<typeof runEventSchema>;

/** A (profile, Region) whose event history could not be read, and why. */
export const runEventsGapSchema = z
  .object({ profileId: z.string(), region: z.string(), error: serializedErrorSchema })
  .strict();

/** The events of a run and what they were looked up by (the Audit link carries the same filter). */
export const runEventsSchema = z
  .object({
    events: z.array(runEventSchema),
    /** The ids the run touched (snapshots, keys, images): an event naming one is the run's. */
    resources: z.array(z.string()),
    places: z.array(z.object({ profileId: z.string(), region: z.string() }).strict()),
    start: z.string(),
    end: z.string(),
    gaps: z.array(runEventsGapSchema),
  })
  .strict();
export type RunEvents = z.output<typeof runEventsSchema>;
