// No zod here: the renderer's shell needs KeywardError, and the schemas (error-schema.ts) would
// bring all of zod into its initial bundle.
import type { AwsErrorDetails, ErrorDetails, IdentitySide, SerializedError } from './error-schema';

export type { AwsErrorDetails, ErrorDetails, IdentitySide, SerializedError };

/**
 * The closed list of error codes that cross the boundary. Codes are ours; AWS's own codes travel
 * in `aws.code` for the details view. Add a code here (and its default hint) before using it.
 */
export const errorCodes = [
  'validation',
  'not-found',
  'access-denied',
  'throttled',
  'invalid-state',
  'conflict',
  'identity-changed',
  'network-unreachable',
  'credentials-missing',
  'credentials-invalid',
  'keychain-unavailable',
  'secret-store-locked',
  'network',
  'cancelled',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const retryableCodes: ReadonlySet<ErrorCode> = new Set([
  'throttled',
  'network',
  'network-unreachable',
  'unavailable',
]);

/** An expected failure that a handler raises on purpose; anything else thrown is a bug. */
export class KeywardError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  readonly fieldErrors: Readonly<Record<string, string>> | undefined;
  readonly aws: AwsErrorDetails | undefined;
  readonly correlationId: string | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: Partial<Omit<SerializedError, 'code' | 'message'>> = {},
  ) {
    super(message);
    this.name = 'KeywardError';
    this.code = code;
    this.hint = details.hint;
    this.retryable = details.retryable ?? retryableCodes.has(code);
    this.fieldErrors = details.fieldErrors;
    this.aws = details.aws;
    this.correlationId = details.correlationId;
    this.details = details.details;
  }

  toJSON(): SerializedError {
    return serializeError(this);
  }

  static from(serialized: SerializedError): KeywardError {
    return new KeywardError(serialized.code, serialized.message, serialized);
  }
}

export function serializeError(error: KeywardError): SerializedError {
  const out: SerializedError = {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
  };
  if (error.hint !== undefined) out.hint = error.hint;
  if (error.fieldErrors !== undefined) out.fieldErrors = { ...error.fieldErrors };
  if (error.aws !== undefined) out.aws = error.aws;
  if (error.correlationId !== undefined) out.correlationId = error.correlationId;
  if (error.details !== undefined) out.details = error.details;
  return out;
}

/** Turns zod issues into `{ 'a.b.0': 'message' }`, the shape forms use for field errors. */
export function fieldErrorsFromIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
