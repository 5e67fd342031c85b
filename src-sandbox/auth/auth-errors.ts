import { SandboxError } from '../protocols/sandbox-error';
import type { ProtocolName } from '../protocols/types';
import type { AuthFailure } from './credentials';

const EC2_AUTH = 'AWS was not able to validate the provided access credentials';

/** Turns an authentication failure into each protocol's own error (reference §1.2). */
export function authFailureToError(failure: AuthFailure, protocol: ProtocolName): SandboxError {
  const { kind, message } = failure;
  switch (protocol) {
    case 'awsJson1_1':
      switch (kind) {
        case 'missing':
          return new SandboxError('MissingAuthenticationTokenException', message);
        case 'unknown-key':
          return new SandboxError('UnrecognizedClientException', message);
        case 'expired-token':
          return new SandboxError('ExpiredTokenException', message);
        case 'malformed':
          return new SandboxError('IncompleteSignatureException', message);
        default:
          return new SandboxError('InvalidSignatureException', message);
      }
    case 'awsQuery':
      switch (kind) {
        case 'missing':
          return new SandboxError('MissingAuthenticationToken', message, 403);
        case 'unknown-key':
          return new SandboxError('InvalidClientTokenId', message, 403);
        case 'expired-token':
          return new SandboxError('ExpiredToken', message, 403);
        case 'malformed':
          return new SandboxError('IncompleteSignature', message, 403);
        default:
          return new SandboxError('SignatureDoesNotMatch', message, 403);
      }
    case 'ec2Query':
      switch (kind) {
        case 'missing':
          return new SandboxError('MissingAuthenticationToken', message, 401);
        // UNCONFIRMED (reference §8.2): EC2 codes for expired signatures and session
        // credentials; RequestExpired is what EC2 documents.
        case 'signature-expired':
        case 'signature-not-yet-current':
        case 'presign-expired':
        case 'expired-token':
          return new SandboxError('RequestExpired', 'Request has expired.', 400);
        default:
          return new SandboxError('AuthFailure', EC2_AUTH, 401);
      }
  }
}
