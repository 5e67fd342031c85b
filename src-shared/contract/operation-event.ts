import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';

const base = { operationId: z.string(), name: z.string() };

/** One event of a long job: progress while it runs, then exactly one `done` or `failed`. */
export const operationEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('progress'),
      step: z.number().int().min(0),
      stepCount: z.number().int().min(1),
      title: z.string(),
      value: z.number().min(0).max(1).optional(),
      /** Facts the user needs while the step runs (e.g. a sign-in code and its URL); never a secret. */
      detail: z.record(z.string().max(64), z.string().max(2048)).optional(),
      /** Results so far, in the shape the operation's `partial` schema names (checked in main). */
      partial: z.unknown().optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('done'), result: z.unknown() }).strict(),
  z.object({ ...base, type: z.literal('failed'), error: serializedErrorSchema }).strict(),
]);

export type OperationEvent = z.infer<typeof operationEventSchema>;

/** Topics the host pushes to the page; the payload of each is validated before it is sent. */
export const eventTopics = {
  operation: operationEventSchema,
} as const;

export type EventTopic = keyof typeof eventTopics;
export type EventPayload<T extends EventTopic> = z.infer<(typeof eventTopics)[T]>;
