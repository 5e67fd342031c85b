import { KeywardError } from '../../src-shared/errors';
import type { OperationContext } from '../operations/operation-context';

export type Progress = Pick<OperationContext, 'progress' | 'signal'>;

/** Numbers the steps of a job as they start, and stops between steps once it is cancelled. */
export function stepper(progress: Progress, stepCount: number) {
  let step = -1;
  let title = '';
  const emit = (partial: unknown) => {
    const at = Math.max(step, 0);
    if (partial === undefined) progress.progress(at, stepCount, title, at / stepCount);
    else progress.progress(at, stepCount, title, at / stepCount, undefined, partial);
  };
  return {
    /** `partial`: what the job has done so far, for the operation's partial schema. */
    next(nextTitle: string, partial?: unknown): void {
      if (progress.signal.aborted)
        throw new KeywardError('cancelled', 'The operation was cancelled.');
      step = Math.min(step + 1, stepCount - 1);
      title = nextTitle;
      emit(partial);
    },
    /** Results so far (the operation's `partial`), reported with the step that made them. */
    report(partial: unknown): void {
      emit(partial);
    },
  };
}

/**
 * A failure after something was already made in AWS says what exists, so nobody creates it twice.
 */
export function afterCreated(
  made: string,
  during: string,
  error: unknown,
  key?: { readonly keyId: string; readonly arn: string },
): KeywardError {
  const base =
    error instanceof KeywardError
      ? error
      : new KeywardError('internal', error instanceof Error ? error.message : String(error));
  return new KeywardError(base.code, `${made} was created, but ${during} failed: ${base.message}`, {
    hint: `${base.hint ? `${base.hint} ` : ''}${
      key
        ? 'Continuing does only the missing steps for this key (never another key); or finish from the key’s page.'
        : 'Finish from the key’s page (it exists now) rather than creating it again.'
    }`,
    ...(base.aws ? { aws: base.aws } : {}),
    ...(key ? { details: { kind: 'created' as const, ...key, failedStep: during } } : {}),
    retryable: false,
  });
}
