import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { rotationStatusSchema } from './key-detail';
import { keyRefSchema } from './kms-key';

/**
 * What `keys.enableRotationBulk` did with one key: `enabled` (with the status read back),
 * `skipped` (with the reason: already on, AWS cannot rotate it, its state…) or `failed` (with
 * AWS's error code and request id in `error.aws`).
 */
export const bulkRotationOutcomeSchema = keyRefSchema
  .extend({
    outcome: z.enum(['enabled', 'skipped', 'failed']),
    reason: z.string().max(2000).nullable(),
    rotation: rotationStatusSchema.nullable(),
    error: serializedErrorSchema.nullable(),
  })
  .strict();
export type BulkRotationOutcome = z.infer<typeof bulkRotationOutcomeSchema>;

/** Each progress event carries the outcome of the key that just finished. */
export const bulkRotationPartialSchema = z.object({ outcome: bulkRotationOutcomeSchema }).strict();

export const bulkRotationResultSchema = z
  .object({ periodDays: z.number().int(), outcomes: z.array(bulkRotationOutcomeSchema) })
  .strict();
export type BulkRotationResult = z.infer<typeof bulkRotationResultSchema>;
