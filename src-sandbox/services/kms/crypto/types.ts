/** Key specs the sandbox implements (reference §2.3). */
export type KeySpec =
  | 'SYMMETRIC_DEFAULT'
  | 'RSA_2048'
  | 'RSA_3072'
  | 'RSA_4096'
  | 'ECC_NIST_P256'
  | 'ECC_NIST_P384'
  | 'ECC_NIST_P521'
  | 'ECC_SECG_P256K1'
  | 'HMAC_224'
  | 'HMAC_256'
  | 'HMAC_384'
  | 'HMAC_512';

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';

export type MaterialKind = 'symmetric' | 'hmac' | 'rsa' | 'ecc';

/** Key material as stored in the sandbox DB (opaque to everyone but this module). JSON-serialisable. */
export interface SerializedMaterial {
  readonly kind: MaterialKind;
  readonly keySpec: KeySpec;
  /** base64: raw key bytes (symmetric, HMAC), or PKCS#8 DER of the private key (RSA, ECC). */
  readonly data: string;
}

/**
 * A problem with caller-supplied input that the crypto layer detects. `awsCode` is the KMS
 * error code the operation answers with (`InvalidCiphertextException`, `ValidationException`, …).
 */
export class CryptoInputError extends Error {
  constructor(
    readonly awsCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoInputError';
  }
}
