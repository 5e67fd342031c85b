import { z } from 'zod';
import { errorCodes } from './errors';

export const awsErrorDetailsSchema = z
  .object({
    code: z.string().max(200),
    requestId: z.string().max(200).optional(),
    service: z.string().max(100).optional(),
    operation: z.string().max(100).optional(),
  })
  .strict();

export const serializedErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string().max(2000),
    hint: z.string().max(2000).optional(),
    retryable: z.boolean(),
    fieldErrors: z.record(z.string(), z.string()).optional(),
    aws: awsErrorDetailsSchema.optional(),
    correlationId: z.string().max(100).optional(),
  })
  .strict();

export type SerializedError = z.infer<typeof serializedErrorSchema>;
export type AwsErrorDetails = z.infer<typeof awsErrorDetailsSchema>;
