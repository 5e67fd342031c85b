import { randomUUID } from 'node:crypto';
import { KeywardError, serializeError, type SerializedError } from '../../src-shared/errors';
import type { Logger } from '../log/logger';

/**
 * Expected failures (KeywardError) cross as they are; anything else is a bug: it is logged with
 * its stack in main and crosses only as `internal` with a correlation id — never a stack,
 * request body or credential.
 */
export function toSerializedError(error: unknown, logger: Logger, call: string): SerializedError {
  if (error instanceof KeywardError) return serializeError(error);
  if (isAbort(error)) {
    return { code: 'cancelled', message: 'The operation was cancelled.', retryable: false };
  }
  const correlationId = randomUUID();
  logger.log('error', 'unexpected failure', {
    call,
    correlationId,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return {
    code: 'internal',
    message: 'Keyward hit an unexpected error. Nothing more was done.',
    hint: `Report it with the correlation id ${correlationId}; the log in the data directory has the details.`,
    retryable: false,
    correlationId,
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError');
}
