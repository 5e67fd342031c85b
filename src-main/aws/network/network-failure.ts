/** Node's codes for a server certificate that does not verify. */
const TLS_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The server at `host` presented a certificate Keyward does not trust (or TLS itself failed). */
export class TlsFailure extends Error {
  override readonly name = 'TlsFailure';
  constructor(
    readonly host: string,
    /** Node's code, e.g. SELF_SIGNED_CERT_IN_CHAIN; kept so the SDK does not retry it. */
    readonly code: string,
    readonly reason: string,
    /** A proxy was on the path (it may be re-signing TLS with its own CA). */
    readonly viaProxy: boolean,
  ) {
    super(`TLS to ${host} failed (${code}): ${reason}`);
  }

  /** The certificate was not trusted, as opposed to a protocol error. */
  get untrusted(): boolean {
    return TLS_TRUST_CODES.has(this.code);
  }
}

/** The HTTPS proxy refused the connection or the tunnel (CONNECT) to AWS. */
export class ProxyFailure extends Error {
  override readonly name = 'ProxyFailure';
  constructor(
    /** `host:port` of the proxy. */
    readonly proxy: string,
    /** `host:port` the tunnel was for. */
    readonly target: string,
    /** The proxy's CONNECT answer, when it answered. */
    readonly status: number | undefined,
    /** The socket error's code (ECONNREFUSED, ECONNRESET…), kept so the SDK retries it. */
    readonly code: string | undefined,
    readonly reason: string,
  ) {
    super(`Proxy ${proxy} failed for ${target}: ${reason}`);
  }
}

/** Node's TLS errors carry a code; protocol errors often only say so in the message. */
export function tlsFailureFrom(
  error: unknown,
  host: string,
  viaProxy: boolean,
): TlsFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (TLS_TRUST_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new TlsFailure(host, code, error.message, viaProxy);
  }
  if (code === 'EPROTO' && /SSL|TLS/i.test(error.message)) {
    return new TlsFailure(host, code, error.message, viaProxy);
  }
  return undefined;
}
