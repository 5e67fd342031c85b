import type { SerializedError } from '../errors';

/** The envelope every call answers with: transports never reject for expected failures. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SerializedError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: SerializedError): Result<never> => ({ ok: false, error });
