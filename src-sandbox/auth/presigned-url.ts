import type { AuthFailure, CredentialLookup } from './credentials';
import type { Caller } from '../identity/caller';
import { readQueryForm, type SignedRequest } from './signed-request';
import { verifySignature, type VerifyOptions } from './verify-signature';

export type PresignedUrlResult =
  | {
      readonly ok: true;
      readonly caller: Caller;
      readonly signed: SignedRequest;
      /** The URL's own parameters (`Action`, `SourceSnapshotId`, …) without `X-Amz-*`. */
      readonly params: URLSearchParams;
    }
  | { readonly ok: false; readonly failure: AuthFailure };

/**
 * Verifies a SigV4 presigned URL string, e.g. the `PresignedUrl` the SDK adds to EC2
 * CopySnapshot (signed for the *source* region, `X-Amz-SignedHeaders=host`, method GET, empty
 * payload). The SDK signs `host` as the endpoint's hostname while the URL it formats carries the
 * port, so both `host:port` and the bare hostname are tried.
 */
export function verifyPresignedUrl(
  url: string,
  lookup: CredentialLookup,
  options: VerifyOptions & { readonly method?: string },
): PresignedUrlResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      ok: false,
      failure: { kind: 'malformed', message: 'The presigned URL is not a valid URL.' },
    };
  }
  const read = readQueryForm(parsed.searchParams);
  if (!read.ok) return { ok: false, failure: { kind: read.reason, message: read.message } };
  const hosts = parsed.port === '' ? [parsed.host] : [parsed.host, parsed.hostname];
  let last: AuthFailure = { kind: 'bad-signature', message: 'signature mismatch' };
  for (const host of hosts) {
    const result = verifySignature(
      {
        method: options.method ?? 'GET',
        path: parsed.pathname === '' ? '/' : parsed.pathname,
        query: parsed.searchParams,
        headerValues: new Map([['host', [host]]]),
        body: Buffer.alloc(0),
      },
      read.signed,
      lookup,
      options,
    );
    if (result.ok) {
      const params = new URLSearchParams();
      for (const [k, v] of parsed.searchParams) if (!k.startsWith('X-Amz-')) params.append(k, v);
      return { ok: true, caller: result.caller, signed: read.signed, params };
    }
    last = result.failure;
    if (last.kind !== 'bad-signature') break;
  }
  return { ok: false, failure: last };
}
