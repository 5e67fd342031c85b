import {
  checkBlobLength,
  decryptWithKey,
  materialOf,
  type DataPlaneKey,
  type Decrypted,
  type EncryptionContext,
} from './data-plane';
import { publicKeyDer } from './material';
import {
  MAX_CIPHERTEXT_BYTES,
  encryptionAlgorithmsFor,
  keyAgreementAlgorithmsFor,
  signingAlgorithmsFor,
} from './specs';
import { readBlobHeader } from './symmetric-blob';
import { CryptoInputError } from './types';

/** Decrypt / ReEncrypt-source request, already parsed. */
export interface DecryptRequest {
  readonly blob: Buffer | undefined;
  readonly keyRef: string | undefined;
  readonly context: EncryptionContext | undefined;
  readonly algorithm: string | undefined;
  /** DryRun with `DryRunModifiers: [IGNORE_CIPHERTEXT]`. */
  readonly ignoreCiphertext: boolean;
}

/** How the caller resolves (and authorises) a key: by the request's KeyId, or by a blob's ARN. */
export interface KeyResolvers<K extends DataPlaneKey> {
  byRef(keyRef: string): K;
  byArn(keyArn: string): K;
}

export type DecryptOutcome<K extends DataPlaneKey> =
  | ({ readonly key: K } & Decrypted)
  /** DryRun with IGNORE_CIPHERTEXT and no blob: only the key was checked. */
  | { readonly key: K; readonly plaintext?: undefined };

/**
 * Decrypt's core (also ReEncrypt's source half): validates the blob, resolves the key from
 * `KeyId` or, for symmetric blobs, from the ARN in the blob header, then decrypts.
 */
export function decryptRequest<K extends DataPlaneKey>(
  operation: string,
  request: DecryptRequest,
  resolve: KeyResolvers<K>,
): DecryptOutcome<K> {
  const blob = request.blob;
  if (blob === undefined) {
    if (!request.ignoreCiphertext || request.keyRef === undefined) {
      throw new CryptoInputError(
        'ValidationException',
        "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null",
      );
    }
    return { key: resolve.byRef(request.keyRef) };
  }
  checkBlobLength('ciphertextBlob', blob, MAX_CIPHERTEXT_BYTES);
  const header = readBlobHeader(blob);
  const symmetric = (request.algorithm ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
  let key: K;
  if (request.keyRef !== undefined) key = resolve.byRef(request.keyRef);
  else if (header !== undefined && symmetric) key = resolve.byArn(header.keyArn);
  // No KeyId and not a sandbox symmetric blob: there is no key to try.
  else throw new CryptoInputError('InvalidCiphertextException', '');
  return { key, ...decryptWithKey(key, operation, blob, request.context, request.algorithm) };
}

/** GetPublicKey's response for an asymmetric key. */
export function publicKeyResponse(key: DataPlaneKey): Record<string, unknown> {
  if (key.keySpec === 'SYMMETRIC_DEFAULT' || key.keySpec.startsWith('HMAC_')) {
    // UNCONFIRMED code (the model also lists InvalidKeyUsageException).
    throw new CryptoInputError(
      'UnsupportedOperationException',
      `${key.arn} key spec is ${key.keySpec} which is not valid for GetPublicKey.`,
    );
  }
  const lists = {
    EncryptionAlgorithms: encryptionAlgorithmsFor(key.keySpec, key.keyUsage),
    SigningAlgorithms: signingAlgorithmsFor(key.keySpec, key.keyUsage),
    KeyAgreementAlgorithms: keyAgreementAlgorithmsFor(key.keySpec, key.keyUsage),
  };
  return {
    KeyId: key.arn,
    PublicKey: publicKeyDer(materialOf(key, key.currentMaterialId)),
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    ...Object.fromEntries(Object.entries(lists).filter(([, v]) => v.length > 0)),
  };
}
