import { KeywardError, type ErrorCode } from '../../src-shared/errors';
import { kmsErrorHints } from './kms-error-hints';
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
  ...kmsErrorHints,
};

/** Where a request went, as the access layer saw it: the host and port of its URL. */
export interface RequestPlace {
  readonly host: string;
  readonly port: number;
}

/** Node's (and the SDK's) names for a connection that never carried an answer. */
const connectionErrors: Readonly<Record<string, (at: string, host: string) => string>> = {
  ENOTFOUND: (_at, host) => `Could not resolve ${host} (ENOTFOUND).`,
  EAI_AGAIN: (_at, host) => `Could not resolve ${host}: no DNS server answered (EAI_AGAIN).`,
  ECONNREFUSED: (at) => `Connection refused by ${at} (ECONNREFUSED).`,
  ETIMEDOUT: (at) => `Timed out connecting to ${at} (ETIMEDOUT).`,
  TimeoutError: (at) => `No answer from ${at} in time (TimeoutError).`,
  ECONNRESET: (at) => `The connection to ${at} was cut off (ECONNRESET).`,
  EPIPE: (at) => `The connection to ${at} was cut off (EPIPE).`,
  EHOSTUNREACH: (at) => `No route to ${at} (EHOSTUNREACH).`,
  ENETUNREACH: (at) => `No network route to ${at} (ENETUNREACH).`,
};

const isLoopback = (host: string) => /^(127\.|localhost$|::1$|\[::1\]$)/.test(host);

/**
 * A connection that failed before AWS could answer: the host and the system's code, and what to
 * check — never the keys, which were not even sent.
 */
function connectionError(
  systemCode: string,
  error: SdkErrorShape & { hostname?: string; address?: string; port?: number },
  place: RequestPlace | undefined,
  aws: { code: string; service: string; operation: string },
) {
  const host = place?.host ?? error.hostname ?? error.address ?? aws.service;
  const port = place?.port ?? error.port;
  const describe = connectionErrors[systemCode] ?? ((at: string) => `Could not connect to ${at}.`);
  const dns = systemCode === 'ENOTFOUND' || systemCode === 'EAI_AGAIN';
  const hint = isLoopback(host)
    ? 'Nothing answers on that port of this computer: if it is Keyward’s built-in sandbox, restart Keyward; otherwise start the local endpoint.'
    : dns
      ? 'Keyward could not look up this AWS host: check that this computer is online and its DNS works, and connect the VPN if AWS is reached through one. Behind a proxy, set HTTPS_PROXY (Settings › Network shows the proxy in effect).'
      : 'Check the network and the VPN; a firewall may block AWS. Behind a proxy, set HTTPS_PROXY (Settings › Network shows the proxy and CA bundle in effect). Keyward retried before giving up.';
  return new KeywardError(
    'network-unreachable',
    describe(port !== undefined ? `${host}:${port}` : host, host),
    {
      hint,
      aws,
      details: {
        kind: 'network',
        host,
        ...(port !== undefined ? { port } : {}),
        systemCode,
        viaProxy: false,
      },
    },
  );
}

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
    details: {
      kind: 'network',
      host: failure.host,
      systemCode: failure.code,
      viaProxy: failure.viaProxy,
    },
  });
}

function proxyError(
  failure: ProxyFailure,
  aws: { code: string; service: string; operation: string },
) {
  const at = failure.proxy.lastIndexOf(':');
  const details = {
    kind: 'network' as const,
    host: failure.proxy.slice(0, at),
    port: Number(failure.proxy.slice(at + 1)),
    systemCode: failure.code ?? 'ProxyFailure',
    viaProxy: true,
  };
  if (failure.status === 407) {
    return new KeywardError(
      'network',
      `Proxy ${failure.proxy} asks for authentication (407) before it opens a tunnel to ${failure.target}.`,
      {
        hint: 'Put the proxy user and password in HTTPS_PROXY (http://user:password@host:port), or ask for Keyward to be let through.',
        aws: { ...aws, code: 'ProxyAuthenticationRequired' },
        retryable: false,
        details: { ...details, systemCode: 'HTTP 407' },
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
        details: { ...details, systemCode: `HTTP ${failure.status}` },
      },
    );
  }
  const message =
    failure.code === 'ECONNREFUSED'
      ? `Proxy ${failure.proxy} refused the connection (ECONNREFUSED).`
      : failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN'
        ? `Could not resolve the proxy ${details.host} (${failure.code}).`
        : `Proxy ${failure.proxy} failed before the tunnel to ${failure.target} opened (${failure.code ?? failure.reason}).`;
  return new KeywardError('network', message, {
    hint: 'Check the proxy Keyward uses (HTTPS_PROXY, shown in Settings › Network): is it running, is the address right, is the VPN it needs connected? Hosts that must not use it go in NO_PROXY.',
    aws: { ...aws, code: failure.code ?? 'ProxyFailure' },
    details,
  });
}

/** The system's code of a failed connection (ENOTFOUND, ECONNREFUSED, TimeoutError…), if it is one. */
function connectionCode(error: SdkErrorShape): string | undefined {
  return [error.code, error.name].find(
    (code): code is string => code !== undefined && Object.hasOwn(connectionErrors, code),
  );
}

/** The one place SDK exceptions become KeywardErrors (style.md A.5); codes and request ids are kept. */
export function mapAwsError(
  error: unknown,
  service: string,
  operation: string,
  /** Where the request went, when the access layer saw it (for errors that name no host). */
  place?: RequestPlace,
): KeywardError {
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
  const systemCode = connectionCode(sdk);
  if (systemCode) return connectionError(systemCode, sdk, place, { ...aws, code: systemCode });
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
  const known = Object.hasOwn(byAwsCode, awsCode) ? byAwsCode[awsCode] : undefined;
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
