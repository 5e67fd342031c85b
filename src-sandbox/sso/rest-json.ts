import { newRequestId } from '../identity/id-generators';
import type { HttpReply } from '../protocols/types';

/**
 * restJson1 as SSO OIDC and the SSO portal speak it: JSON bodies, the error's shape name in
 * `x-amzn-ErrorType`, its members in the body (`error`/`error_description` for OIDC, `message`
 * for the portal).
 */
export class RestJsonError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    readonly members: Readonly<Record<string, string>>,
  ) {
    super(members['error_description'] ?? members['message'] ?? type);
  }
}

export function isRestJsonError(e: unknown): e is RestJsonError {
  return e instanceof RestJsonError;
}

/** An SSO OIDC error (RFC 6749 style `error` code plus a description). */
export function oidcError(
  type: string,
  error: string,
  description: string,
  status = 400,
): RestJsonError {
  return new RestJsonError(type, status, { error, error_description: description });
}

/** An SSO portal error (`message`). */
export function portalError(type: string, message: string, status: number): RestJsonError {
  return new RestJsonError(type, status, { message });
}

export function jsonReply(status: number, body: unknown, requestId = newRequestId()): HttpReply {
  return {
    status,
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'Cache-Control': 'no-store',
    },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export function errorReply(e: RestJsonError, requestId = newRequestId()): HttpReply {
  return {
    status: e.status,
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': e.type,
      'Cache-Control': 'no-store',
    },
    body: JSON.stringify(e.members),
  };
}

/** Parses a JSON object body, or fails as OIDC does for malformed input. */
export function jsonBody(body: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body.length === 0 ? '{}' : body.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw oidcError('InvalidRequestException', 'invalid_request', 'The request body is not JSON.');
}
