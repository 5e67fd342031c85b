import type { RawRequest } from '../protocols/types';
import { ALGORITHM, parseAmzDate } from './sigv4';

/** What a request claims about its signature, read from the Authorization header or the query string. */
export interface SignedRequest {
  readonly form: 'header' | 'query';
  readonly accessKeyId: string;
  /** `yyyymmdd` from the credential scope */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** `<yyyymmdd>/<region>/<service>/aws4_request` */
  readonly scope: string;
  readonly amzDate: string;
  readonly signedAt: Date;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly securityToken?: string;
  /** query form: X-Amz-Expires seconds */
  readonly expiresIn?: number;
}

export type SignatureRead =
  | { readonly ok: true; readonly signed: SignedRequest }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed'; readonly message: string };

const MALFORMED = (message: string): SignatureRead => ({ ok: false, reason: 'malformed', message });

function parseCredential(
  credential: string,
):
  | { accessKeyId: string; scopeDate: string; region: string; service: string; scope: string }
  | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  if (!/^\d{8}$/.test(scopeDate) || accessKeyId === '' || region === '' || service === '') {
    return undefined;
  }
  return { accessKeyId, scopeDate, region, service, scope: parts.slice(1).join('/') };
}

/** Reads the header form (`Authorization: AWS4-HMAC-SHA256 …`) or the presigned query form. */
export function readSignature(request: RawRequest): SignatureRead {
  const auth = request.headers['authorization'];
  if (auth !== undefined) return readHeaderForm(request, auth);
  if (request.query.has('X-Amz-Credential')) return readQueryForm(request.query, request.headers);
  return { ok: false, reason: 'missing', message: 'Missing Authentication Token' };
}

function readHeaderForm(request: RawRequest, auth: string): SignatureRead {
  const space = auth.indexOf(' ');
  if (space < 0 || auth.slice(0, space) !== ALGORITHM) {
    return MALFORMED(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of auth.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parseCredential(fields.get('Credential') ?? '');
  const signedHeaders = (fields.get('SignedHeaders') ?? '').split(';').filter((h) => h !== '');
  const signature = fields.get('Signature') ?? '';
  if (!credential || signedHeaders.length === 0 || !/^[0-9a-f]{64}$/.test(signature)) {
    return MALFORMED(
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${auth.split(',')[0] ?? ''}`,
    );
  }
  const amzDate = request.headers['x-amz-date'] ?? toAmzDate(request.headers['date']);
  const signedAt = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || signedAt === undefined) {
    return MALFORMED(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`,
    );
  }
  const token = request.headers['x-amz-security-token'];
  return {
    ok: true,
    signed: {
      form: 'header',
      ...credential,
      amzDate,
      signedAt,
      signedHeaders,
      signature,
      ...(token === undefined ? {} : { securityToken: token }),
    },
  };
}

function toAmzDate(httpDate: string | undefined): string | undefined {
  if (httpDate === undefined) return undefined;
  const d = new Date(httpDate);
  return Number.isNaN(d.getTime())
    ? undefined
    : d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}

export function readQueryForm(
  query: URLSearchParams,
  _headers: Readonly<Record<string, string>> = {},
): SignatureRead {
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) {
    return MALFORMED('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const credential = parseCredential(query.get('X-Amz-Credential') ?? '');
  const amzDate = query.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  const signature = query.get('X-Amz-Signature') ?? '';
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter((h) => h !== '');
  const expiresText = query.get('X-Amz-Expires') ?? '';
  const expiresIn = Number(expiresText);
  if (
    !credential ||
    !signedAt ||
    !/^[0-9a-f]{64}$/.test(signature) ||
    signedHeaders.length === 0 ||
    !/^\d+$/.test(expiresText) ||
    expiresIn > 604_800
  ) {
    return MALFORMED(
      'AWS query-string parameters must include X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-SignedHeaders, X-Amz-Date and X-Amz-Expires (at most 604800).',
    );
  }
  const token = query.get('X-Amz-Security-Token');
  return {
    ok: true,
    signed: {
      form: 'query',
      ...credential,
      amzDate,
      signedAt,
      signedHeaders,
      signature,
      expiresIn,
      ...(token === null ? {} : { securityToken: token }),
    },
  };
}
