import { KeywardError } from '../../src-shared/errors';

/** A failed check as the user will read it: our own errors as they are, anything else as a bug. */
export const failure = (error: unknown): KeywardError =>
  error instanceof KeywardError ? error : new KeywardError('internal', String(error));
