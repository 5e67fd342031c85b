import { KeywardError, type ErrorCode } from '../../src-shared/errors';
import { ProxyFailure, TlsFailure } from './network/network-failure';

interface SdkErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $metadata?: { readonly requestId?: string; readonly httpStatusCode?: number };
  readonly $fault?: 'client' | 'server';
}

const byAwsCode: Readonly<Record<string, { code: ErrorCode; hint?: string }>> = {
  InvalidClientTokenId: {
    code: 'credentials-invalid',
    hint: 'AWS does not know this access key. Check the key id, or create a new key in IAM.',
  },
  UnrecognizedClientException: {
    code: 'credentials-invalid',
    hint: 'AWS does not know this access key. Check the key id, or create a new key in IAM.',
  },
  SignatureDoesNotMatch: {
    code: 'credentials-invalid',
    hint: 'The secret access key does not match the key id. Paste the secret again.',
  },
  IncompleteSignature: { code: 'credentials-invalid' },
  AuthFailure: { code: 'credentials-invalid', hint: 'AWS did not accept these credentials.' },
  ExpiredToken: { code: 'credentials-invalid', hint: 'The session has expired: start a new one.' },
  ExpiredTokenException: {
    code: 'credentials-invalid',
    hint: 'The session has expired: start a new one.',
  },
  RequestExpired: {
    code: 'credentials-invalid',
    hint: 'Check that this computer’s clock is right.',
  },
  AccessDenied: { code: 'access-denied' },
  AccessDeniedException: { code: 'access-denied' },
  UnauthorizedOperation: { code: 'access-denied' },
  ThrottlingException: {
    code: 'throttled',
    hint: 'AWS is limiting the request rate; Keyward retried. Try again in a moment.',
  },
  Throttling: {
    code: 'throttled',
    hint: 'AWS is limiting the request rate; Keyward retried. Try again in a moment.',
  },
  RequestLimitExceeded: {
    code: 'throttled',
    hint: 'AWS is limiting the request rate; Keyward retried. Try again in a moment.',
  },
  NotFoundException: { code: 'not-found' },
  NoSuchEntity: { code: 'not-found' },
  KMSInvalidStateException: { code: 'invalid-state' },
  DisabledException: { code: 'invalid-state' },
  ValidationException: { code: 'validation' },
  ValidationError: { code: 'validation' },
  AlreadyExistsException: { code: 'conflict' },
  EntityAlreadyExists: { code: 'conflict' },
};

const networkErrors = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'TimeoutError',
  'EPIPE',
]);
const tlsErrors = /CERT|SSL|TLS|self.signed|unable to verify/i;

function tlsError(failure: TlsFailure, aws: { code: string; service: string; operation: string }) {
  const proxyNote = failure.viaProxy
    ? ' A proxy that inspects TLS re-signs AWS’s certificates with its own CA: that CA is the one to add.'
    : '';
  const message = failure.untrusted
    ? `TLS: the certificate of ${failure.host} is not trusted (${failure.code}).`
    : `TLS: the secure connection to ${failure.host} failed (${failure.code}: ${failure.reason}).`;
  return new KeywardError('network', message, {
    hint: `Set a CA bundle in Settings → Network (or AWS_CA_BUNDLE) with the PEM of the CA that signs it.${proxyNote}`,
    aws: { ...aws, code: failure.code },
    retryable: false,
  });
}

function proxyError(
  failure: ProxyFailure,
  aws: { code: string; service: string; operation: string },
) {
  if (failure.status === 407) {
    return new KeywardError(
      'network',
      `Proxy ${failure.proxy} asks for authentication (407) before it opens a tunnel to ${failure.target}.`,
      {
        hint: 'Put the proxy user and password in HTTPS_PROXY (http://user:password@host:port), or ask for Keyward to be let through.',
        aws: { ...aws, code: 'ProxyAuthenticationRequired' },
        retryable: false,
      },
    );
  }
  if (failure.status !== undefined) {
    return new KeywardError(
      'network',
      `Proxy ${failure.proxy} refused the tunnel to ${failure.target} (${failure.reason}).`,
      {
        hint: 'The proxy may block this AWS host: ask for it to be allowed, or list it in NO_PROXY if it is reachable directly.',
        aws: { ...aws, code: `ProxyConnect${failure.status}` },
      },
    );
  }
  const refused = failure.code === 'ECONNREFUSED';
  return new KeywardError(
    'network',
    refused
      ? `Proxy ${failure.proxy} refused the connection (ECONNREFUSED).`
      : `Proxy ${failure.proxy} failed before the tunnel to ${failure.target} opened (${failure.code ?? failure.reason}).`,
    {
      hint: 'Check HTTPS_PROXY: is the proxy running and is the address right? Hosts that must not use it go in NO_PROXY.',
      aws: { ...aws, code: failure.code ?? 'ProxyFailure' },
    },
  );
}

/** The one place SDK exceptions become KeywardErrors (style.md A.5); codes and request ids are kept. */
export function mapAwsError(error: unknown, service: string, operation: string): KeywardError {
  if (error instanceof KeywardError) return error;
  const sdk = (error ?? {}) as SdkErrorShape;
  const awsCode = sdk.name ?? sdk.code ?? 'Unknown';
  const requestId = sdk.$metadata?.requestId;
  const aws = { code: awsCode, service, operation, ...(requestId ? { requestId } : {}) };
  if (awsCode === 'AbortError') {
    return new KeywardError('cancelled', `${service} ${operation} was cancelled.`, { aws });
  }
  if (error instanceof TlsFailure) return tlsError(error, aws);
  if (error instanceof ProxyFailure) return proxyError(error, aws);
  if (networkErrors.has(awsCode) || networkErrors.has(sdk.code ?? '')) {
    return new KeywardError('network', `Could not reach ${service} (${awsCode}).`, {
      hint: 'Check the network, proxy (HTTPS_PROXY) and VPN; Keyward retried before giving up.',
      aws,
    });
  }
  if (tlsErrors.test(sdk.message ?? '') || tlsErrors.test(awsCode)) {
    return new KeywardError(
      'network',
      `The TLS connection to ${service} failed: ${sdk.message ?? awsCode}.`,
      {
        hint: 'A proxy may be intercepting TLS: set its CA bundle in Settings → Network (or AWS_CA_BUNDLE).',
        aws,
      },
    );
  }
  const known = byAwsCode[awsCode];
  const message = sdk.message
    ? `${service} ${operation}: ${sdk.message}`
    : `${service} ${operation} failed (${awsCode}).`;
  if (known)
    return new KeywardError(known.code, message, {
      aws,
      ...(known.hint ? { hint: known.hint } : {}),
    });
  const retryable = sdk.$fault === 'server';
  return new KeywardError(retryable ? 'unavailable' : 'internal', message, { aws, retryable });
}

/** The AWS error code of a failure, mapped (KeywardError) or not (an SDK exception). */
export function awsErrorCode(error: unknown): string | undefined {
  if (error instanceof KeywardError) return error.aws?.code;
  return error instanceof Error ? error.name : undefined;
}
