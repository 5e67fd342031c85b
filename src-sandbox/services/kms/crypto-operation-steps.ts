import { SandboxError } from '../../protocols/sandbox-error';
import type { ServiceContext } from '../types';
import { CryptoInputError } from './crypto';
import {
  checkBlobLength,
  encryptWithKey,
  type Encrypted,
  type EncryptionContext,
} from './crypto/data-plane';
import {
  decryptRequest,
  type DecryptOutcome,
  type DecryptRequest,
} from './crypto/data-plane-requests';
import * as inputs from './crypto/operation-inputs';
import type { KeyAccess, KeyAccessContext, UsableKey } from './key-access-types';

/** Shared steps of the data-plane operations (crypto-operations.ts). */

/** Model status 412; message UNCONFIRMED (reference §2.5.5). */
export function dryRunDone(): SandboxError {
  return new SandboxError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
    412,
  );
}

/** Runs crypto code, turning `CryptoInputError`s into the KMS error they name. */
export function guarded<T>(ctx: ServiceContext, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof CryptoInputError)) throw e;
    throw e.awsCode === 'ValidationException'
      ? ctx.errors.validation(e.message)
      : new SandboxError(e.awsCode, e.message);
  }
}

/** Decrypt's core with the key resolved (and authorised) through key access. */
export function decryptWith(
  ctx: ServiceContext,
  access: KeyAccess,
  operation: string,
  request: DecryptRequest,
  more: (keyRef: string) => KeyAccessContext = () => ({}),
): DecryptOutcome<UsableKey> {
  const auth: KeyAccessContext = {
    ...inputs.encryptionContextConditions(request.context),
    'kms:EncryptionAlgorithm': request.algorithm ?? 'SYMMETRIC_DEFAULT',
  };
  return guarded(ctx, () =>
    decryptRequest(operation, request, {
      byRef: (ref) => access.useKey(ctx, ref, operation, { ...auth, ...more(ref) }),
      byArn: (arn) => access.useKeyByArn(ctx, arn, operation, { ...auth, ...more(arn) }),
    }),
  );
}

/** `kms:ReEncryptOnSameKey`: whether ReEncrypt's source and destination are one key. */
export const sameKeyContext = (same: boolean): KeyAccessContext => ({
  'kms:ReEncryptOnSameKey': same ? 'true' : 'false',
});

export function checkBlob(ctx: ServiceContext, member: string, value: Buffer, max: number): void {
  guarded(ctx, () => checkBlobLength(member, value, max));
}

export function encryptWith(
  ctx: ServiceContext,
  key: UsableKey,
  operation: string,
  plaintext: Buffer,
  context: EncryptionContext | undefined,
  algorithm: string | undefined,
): Encrypted {
  return guarded(ctx, () => encryptWithKey(key, operation, plaintext, context, algorithm));
}
