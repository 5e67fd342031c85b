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

/** Who a profile is, as far as it is known: an account and an ARN (null: known only after sign-in). */
export const identitySideSchema = z
  .object({
    accountId: z.string().max(12).nullable(),
    arn: z.string().max(2048).nullable(),
    /** An IAM Identity Center role (permission set) whose ARN is known only after sign-in. */
    roleName: z.string().max(64).optional(),
  })
  .strict();

/**
 * What an error carries for the page to act on, by kind: the two identities of an edit that
 * would change who a profile is, where a connection failed, or the key made before a step failed.
 */
export const errorDetailsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('identity-change'),
      before: identitySideSchema,
      after: identitySideSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('network'),
      /** The host Keyward tried to reach (the proxy's, when the proxy failed). */
      host: z.string().max(255),
      port: z.number().int().optional(),
      /** The operating system's or TLS library's code: ENOTFOUND, ECONNREFUSED, ETIMEDOUT… */
      systemCode: z.string().max(100),
      /** Through the HTTPS proxy in effect. */
      viaProxy: z.boolean(),
    })
    .strict(),
  z
    .object({
      /** A key exists in AWS now, but a later step failed: a retry continues from this key. */
      kind: z.literal('created'),
      keyId: z.string().max(64),
      arn: z.string().max(2048),
      failedStep: z.string().max(300),
    })
    .strict(),
]);

export const serializedErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string().max(2000),
    hint: z.string().max(2000).optional(),
    retryable: z.boolean(),
    fieldErrors: z.record(z.string(), z.string()).optional(),
    aws: awsErrorDetailsSchema.optional(),
    correlationId: z.string().max(100).optional(),
    details: errorDetailsSchema.optional(),
  })
  .strict();

export type SerializedError = z.infer<typeof serializedErrorSchema>;
export type AwsErrorDetails = z.infer<typeof awsErrorDetailsSchema>;
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;
export type IdentitySide = z.infer<typeof identitySideSchema>;
