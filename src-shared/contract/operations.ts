import { z } from 'zod';
import { operationEventSchema } from './operation-event';
import { invoke, noInput } from './define';

const operationRef = z.object({ operationId: z.string().min(1).max(100) }).strict();

export const operationsCalls = {
  'operations.cancel': invoke({
    summary: 'Asks a running operation to stop; it ends with a `failed` event of code `cancelled`.',
    input: operationRef,
    output: z.object({ cancelled: z.boolean() }).strict(),
  }),
  'operations.list': invoke({
    summary: 'Operations of this session with their latest event, so a page can pick one up again.',
    input: noInput,
    output: z.array(
      z
        .object({
          operationId: z.string(),
          name: z.string(),
          startedAt: z.string(),
          latest: operationEventSchema.nullable(),
        })
        .strict(),
    ),
  }),
} as const;
