import type { Caller } from '../identity/caller';

/** A secret the auth layer can verify a signature with, and who it belongs to. */
export interface CredentialRecord {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Required (and must match) for temporary credentials. */
  readonly sessionToken?: string;
  /** Epoch ms; temporary credentials only. */
  readonly expiresAt?: number;
  readonly caller: Caller;
}

export interface CredentialLookup {
  /** Active credentials for an access key id, or undefined (unknown, deleted or inactive). */
  find(accessKeyId: string): CredentialRecord | undefined;
}

export type AuthFailureKind =
  | 'missing'
  | 'malformed'
  | 'unknown-key'
  | 'bad-signature'
  | 'signature-expired'
  | 'signature-not-yet-current'
  | 'presign-expired'
  | 'expired-token'
  | 'invalid-region';

export interface AuthFailure {
  readonly kind: AuthFailureKind;
  readonly message: string;
}
