import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** SigV4 building blocks (reference §1.1). Pure functions; no I/O. */

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** RFC 3986 encoding: everything but `A-Za-z0-9-._~` is percent-encoded (`%20`, never `+`). */
export function uriEncode(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Canonical URI for non-S3 services: normalise `.`/`..`, then URI-encode the path as it appeared
 * on the wire once more (the "double encoding" of @smithy/signature-v4, `%2F` kept as `/`).
 */
export function canonicalUri(wirePath: string): string {
  if (wirePath === '/') return '/';
  const segments: string[] = [];
  for (const segment of wirePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && wirePath.endsWith('/') ? '/' : '';
  const normalised = `/${segments.join('/')}${trailing}`;
  return uriEncode(normalised).replace(/%2F/g, '/');
}

/** Sorted by encoded key, then encoded value; `X-Amz-Signature` excluded. */
export function canonicalQuery(params: Iterable<readonly [string, string]>): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of params) {
    if (k === 'X-Amz-Signature') continue;
    pairs.push([uriEncode(k), uriEncode(v)]);
  }
  pairs.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
  );
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Values canonicalHeaderValue would change (`\s` is exactly what `trim` removes). */
const NEEDS_CANONICALISING = /^\s|\s$|[ \t]{2}|\t/;

/** Trim, and collapse internal runs of spaces/tabs to one space. */
export function canonicalHeaderValue(value: string): string {
  if (!NEEDS_CANONICALISING.test(value)) return value;
  return value.trim().replace(/[ \t]+/g, ' ');
}

export interface CanonicalRequestInput {
  readonly method: string;
  readonly path: string;
  readonly query: Iterable<readonly [string, string]>;
  /** Lower-case header name → value(s) as received (multiple values are joined with `,`). */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const names = [...input.signedHeaders].sort();
  const headerLines = names
    .map((n) => `${n}:${(input.headers.get(n) ?? []).map(canonicalHeaderValue).join(',')}\n`)
    .join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQuery(input.query),
    headerLines,
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}

const keyCache = new Map<string, Buffer>();

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\u0000${date}\u0000${region}\u0000${service}`;
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  const key = createHmac('sha256', kService).update('aws4_request').digest();
  if (keyCache.size > 1000) keyCache.clear();
  keyCache.set(cacheKey, key);
  return key;
}

export function signature(key: Buffer, toSign: string): string {
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `20240115T093000Z` → Date, or undefined when malformed. */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
