import type { Caller } from '../identity/caller';
import type { AuthFailure, CredentialLookup, CredentialRecord } from './credentials';
import type { SignedRequest } from './signed-request';
import {
  canonicalRequest,
  constantTimeEqualHex,
  formatAmzDate,
  sha256Hex,
  signature,
  signingKey,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './sigv4';

export const DEFAULT_MAX_SKEW_MS = 15 * 60_000;

export interface VerifiableRequest {
  readonly method: string;
  readonly path: string;
  /** Every query parameter, decoded, in order (includes `X-Amz-*` for the query form). */
  readonly query: Iterable<readonly [string, string]>;
  readonly headerValues: ReadonlyMap<string, readonly string[]>;
  /** Raw body bytes, or a precomputed hex SHA-256 for body-less URLs. */
  readonly body: Buffer;
}

export interface VerifyOptions {
  readonly now: Date;
  /** Allowed distance between X-Amz-Date and now (default 15 minutes; reference §1.1). */
  readonly maxSkewMs?: number;
  /** False → `Credential should be scoped to a valid region`. */
  readonly isValidRegion?: (region: string, service: string) => boolean;
}

export type VerifyResult =
  | { readonly ok: true; readonly caller: Caller; readonly credential: CredentialRecord }
  | { readonly ok: false; readonly failure: AuthFailure };

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const fail = (kind: AuthFailure['kind'], message: string): VerifyResult => ({
  ok: false,
  failure: { kind, message },
});

/** Verifies a SigV4 signature (either form) against the credential store. */
export function verifySignature(
  request: VerifiableRequest,
  signed: SignedRequest,
  lookup: CredentialLookup,
  options: VerifyOptions,
): VerifyResult {
  if (options.isValidRegion && !options.isValidRegion(signed.region, signed.service)) {
    return fail(
      'invalid-region',
      `Credential should be scoped to a valid region, not '${signed.region}'.`,
    );
  }
  const credential = lookup.find(signed.accessKeyId);
  if (!credential) return fail('unknown-key', INVALID_TOKEN);
  if (credential.sessionToken !== undefined && credential.sessionToken !== signed.securityToken) {
    // Temporary keys without (or with the wrong) session token are unknown to AWS.
    return fail('unknown-key', INVALID_TOKEN);
  }
  const now = options.now.getTime();
  if (credential.expiresAt !== undefined && now >= credential.expiresAt) {
    return fail('expired-token', 'The security token included in the request is expired');
  }
  const timeFailure = checkTime(signed, now, options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS);
  if (timeFailure) return timeFailure;
  if (!signed.signedHeaders.includes('host')) return fail('bad-signature', MISMATCH);

  const bodyHash = sha256Hex(request.body);
  const declared = request.headerValues.get('x-amz-content-sha256')?.[0];
  let candidates: string[];
  if (signed.form === 'header') {
    // UNSIGNED-PAYLOAD is an S3/presign feature; for these services the body must be signed.
    if (declared !== undefined && declared !== bodyHash) return fail('bad-signature', MISMATCH);
    candidates = [bodyHash];
  } else {
    candidates = [bodyHash, UNSIGNED_PAYLOAD];
  }
  const key = signingKey(
    credential.secretAccessKey,
    signed.scopeDate,
    signed.region,
    signed.service,
  );
  const query = [...request.query];
  for (const payloadHash of candidates) {
    const canonical = canonicalRequest({
      method: request.method,
      path: request.path,
      query,
      headers: request.headerValues,
      signedHeaders: signed.signedHeaders,
      payloadHash,
    });
    const expected = signature(key, stringToSign(signed.amzDate, signed.scope, canonical));
    if (constantTimeEqualHex(expected, signed.signature)) {
      return { ok: true, caller: credential.caller, credential };
    }
  }
  return fail('bad-signature', MISMATCH);
}

function checkTime(signed: SignedRequest, now: number, skew: number): VerifyResult | undefined {
  const at = signed.signedAt.getTime();
  const minutes = Math.round(skew / 60_000);
  if (signed.form === 'query') {
    if (at - skew > now || now > at + (signed.expiresIn ?? 0) * 1000) {
      return fail('presign-expired', 'Request has expired');
    }
    return undefined;
  }
  if (at < now - skew) {
    const nowText = formatAmzDate(new Date(now));
    const edge = formatAmzDate(new Date(now - skew));
    return fail(
      'signature-expired',
      `Signature expired: ${signed.amzDate} is now earlier than ${edge} (${nowText} - ${minutes} min.)`,
    );
  }
  if (at > now + skew) {
    const nowText = formatAmzDate(new Date(now));
    const edge = formatAmzDate(new Date(now + skew));
    return fail(
      'signature-not-yet-current',
      `Signature not yet current: ${signed.amzDate} is still later than ${edge} (${nowText} + ${minutes} min.)`,
    );
  }
  return undefined;
}
