import { SandboxError } from '../../protocols/sandbox-error';
import type { Denial } from '../types';
import type { KmsKeyDoc } from './model';

/** KMS error shapes (reference §2.13): 400 for client faults. */
export const kmsError = (code: string, message: string): SandboxError =>
  new SandboxError(code, message, 400);

export const notFound = (message: string) => kmsError('NotFoundException', message);
export const keyNotFound = (arn: string) => notFound(`Key '${arn}' does not exist`);
export const invalidState = (message: string) => kmsError('KMSInvalidStateException', message);
export const unsupported = (message: string) => kmsError('UnsupportedOperationException', message);
export const validationError = (message: string) => kmsError('ValidationException', message);
export const limitExceeded = (message: string) => kmsError('LimitExceededException', message);
export const alreadyExists = (message: string) => kmsError('AlreadyExistsException', message);
export const malformedPolicy = (message: string) =>
  kmsError('MalformedPolicyDocumentException', message);
export const tagError = (message: string) => kmsError('TagException', message);
export const invalidMarker = () =>
  kmsError('InvalidMarkerException', 'The marker is not valid or has expired.');
// UNCONFIRMED wording (reference §8.3).
export const invalidArn = (value: string) =>
  kmsError('InvalidArnException', `Invalid arn ${value}`);

/** DryRunOperationException: model status 412, message UNCONFIRMED (reference §2.5.5). */
export const dryRunSucceeded = () =>
  new SandboxError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
    412,
  );

const STATE_WORDS: Readonly<Record<string, string>> = {
  PendingDeletion: 'pending deletion',
  PendingReplicaDeletion: 'pending replica deletion',
  PendingImport: 'pending import',
  Creating: 'creating',
  Updating: 'updating',
  Unavailable: 'unavailable',
  Disabled: 'disabled',
  Enabled: 'enabled',
};

/** `<key ARN> is pending deletion.` and friends (reference §2.4 footnotes). */
export function stateError(key: KmsKeyDoc): SandboxError {
  if (key.keyState === 'Disabled') {
    return kmsError('DisabledException', `${key.arn} is disabled.`);
  }
  return invalidState(`${key.arn} is ${STATE_WORDS[key.keyState] ?? key.keyState}.`);
}

/**
 * KMS access-denied wording: the key policy is the resource-based policy; when it delegates to
 * IAM and no IAM policy allows, KMS names the identity-based policy.
 */
export function kmsAccessDeniedMessage(d: Denial): string {
  const base = `User: ${d.callerArn} is not authorized to perform: ${d.action} on resource: ${d.resource}`;
  const reason = d.authorization.reason;
  if (d.authorization.decision === 'explicit-deny') {
    const where = /key policy|resource policy/.test(reason)
      ? 'a resource-based'
      : 'an identity-based';
    return `${base} with an explicit deny in ${where} policy`;
  }
  const identity =
    !d.hadResourcePolicy || /policy delegates to IAM|but no IAM policy of the caller/.test(reason);
  return `${base} because no ${identity ? 'identity-based' : 'resource-based'} policy allows the ${d.action} action`;
}
