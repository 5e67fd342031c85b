import type { ErrorCode } from '../../src-shared/errors';

/**
 * KMS's own error codes (reference §2.13): which of ours each is, and what to do next. AWS's
 * message (kept in the error) says what happened; the hint says why and the way on.
 */
export const kmsErrorHints: Readonly<Record<string, { code: ErrorCode; hint: string }>> = {
  KMSInvalidStateException: {
    code: 'invalid-state',
    hint: 'The key’s state does not allow this (pending deletion, pending import, being created or updated): look at its state, cancel a scheduled deletion or import its material, then try again.',
  },
  DisabledException: {
    code: 'invalid-state',
    hint: 'The key is disabled: enable it first (it keeps its material, policy and aliases).',
  },
  AlreadyExistsException: {
    code: 'conflict',
    hint: 'It exists already in this account and Region (an alias of that name, or a replica): choose another name, or re-point the existing alias.',
  },
  MalformedPolicyDocumentException: {
    code: 'validation',
    hint: 'AWS refused the key policy: check its JSON, that every principal exists, and that it still lets you change the policy later.',
  },
  UnsupportedOperationException: {
    code: 'invalid-state',
    hint: 'This kind of key does not support the operation (asymmetric, HMAC, imported material, a replica, or an AWS managed key).',
  },
  LimitExceededException: {
    code: 'invalid-state',
    hint: 'An AWS limit is reached (aliases or grants per key, 50 tags, a 32 KB policy, 25 on-demand rotations): remove some first, or ask AWS for a higher quota where it is adjustable.',
  },
  TagException: {
    code: 'validation',
    hint: 'Tag keys are 1–128 characters and may not start with aws:; values are at most 256.',
  },
  InvalidAliasNameException: {
    code: 'validation',
    hint: 'An alias is alias/ followed by letters, digits, / _ - and :, and may not start with alias/aws/.',
  },
  InvalidArnException: {
    code: 'validation',
    hint: 'Check the ARN: partition, Region, account and key id.',
  },
  InvalidGrantIdException: {
    code: 'not-found',
    hint: 'The grant does not exist (any more): reload the key’s grants.',
  },
  ConflictException: {
    code: 'conflict',
    hint: 'A rotation is running or about to start: try again in half an hour.',
  },
  ExpiredImportTokenException: {
    code: 'invalid-state',
    hint: 'Import tokens last 24 hours: start the import again to get a new one.',
  },
  InvalidImportTokenException: {
    code: 'validation',
    hint: 'The import token belongs to another key or import: start the import again.',
  },
  IncorrectKeyMaterialException: {
    code: 'validation',
    hint: 'This key already has other material: only the same material can be imported again.',
  },
  InvalidCiphertextException: {
    code: 'validation',
    hint: 'AWS could not unwrap or decrypt the data: it was wrapped with another public key, or damaged.',
  },
};
