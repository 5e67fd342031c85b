import { createElement } from 'react';
import { KeywardError, type ErrorCode, type SerializedError } from '../../../src-shared/errors';
import { LockedNotice } from '../components/CredentialStore/LockedNotice';
import { LOCKED_NOTIFICATION_ID } from '../components/CredentialStore/secret-store-status';
import { hideToast, notifyError, notifyInfo } from '../components/notify/notify';

const titles: Readonly<Record<ErrorCode, string>> = {
  validation: 'Some values need attention',
  'not-found': 'Not found',
  'access-denied': 'Access denied',
  throttled: 'AWS is throttling requests',
  'invalid-state': 'Not possible in the current state',
  conflict: 'Conflicting change',
  'identity-changed': 'This would change who the profile is',
  'network-unreachable': 'Could not connect',
  'credentials-missing': 'Credentials needed',
  'credentials-invalid': 'Credentials not accepted',
  'keychain-unavailable': 'OS keychain unavailable',
  'secret-store-locked': 'Credentials are locked',
  network: 'Network problem',
  cancelled: 'Cancelled',
  unavailable: 'Keyward host unavailable',
  internal: 'Unexpected error',
};

/** The title of an error; `unavailable` from an AWS answer (a 5xx) is AWS's, not Keyward's host. */
export const errorTitle = (error: Pick<SerializedError, 'code' | 'aws'>): string =>
  error.code === 'unavailable' && error.aws ? 'AWS service unavailable' : titles[error.code];

export function toSerialized(error: unknown): SerializedError {
  if (error instanceof KeywardError) return error.toJSON();
  return {
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
  };
}

interface FormLike {
  setErrors(errors: Record<string, string>): void;
}

/**
 * The one place errors are shown (style.md A.5): field errors land on the form's fields;
 * everything else becomes a notification that says what happened and what to do next.
 */
export function presentError(error: unknown, options: { form?: FormLike } = {}): void {
  const serialized = toSerialized(error);
  if (serialized.code === 'validation' && serialized.fieldErrors && options.form) {
    options.form.setErrors(serialized.fieldErrors);
    return;
  }
  const title = errorTitle(serialized);
  const text = serialized.hint ? `${serialized.message} ${serialized.hint}` : serialized.message;
  if (serialized.code === 'cancelled') {
    notifyInfo({ title, message: text });
    return;
  }
  if (serialized.code !== 'secret-store-locked') {
    notifyError({ title, message: text, transient: serialized.retryable });
    return;
  }
  // A locked credential store comes with its Unlock button, wherever the call was made; one
  // such toast at a time.
  hideToast(LOCKED_NOTIFICATION_ID);
  notifyError({
    id: LOCKED_NOTIFICATION_ID,
    title,
    message: createElement(LockedNotice, { text }),
  });
}
