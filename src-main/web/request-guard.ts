import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-keyward-token';

export type GuardVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/**
 * The browser-mode host answers only its own page: the Host header must name the loopback
 * address and port it listens on (DNS rebinding defence), a present Origin must be that same
 * origin (no cross-site calls, no CORS), and API calls must carry the per-launch token.
 */
export function createRequestGuard(options: { port: number; token: string }) {
  const allowedHosts = new Set([`127.0.0.1:${options.port}`, `localhost:${options.port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const expected = Buffer.from(options.token);

  function checkOriginAndHost(request: IncomingMessage): GuardVerdict {
    const host = request.headers.host;
    if (!host || !allowedHosts.has(host.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Host not allowed' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Origin not allowed' };
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site') return { ok: false, status: 403, reason: 'Cross-site request' };
    return { ok: true };
  }

  /** The launch-code exchange is a fetch from our own page, and browsers always send its Origin. */
  function checkOwnOrigin(request: IncomingMessage): GuardVerdict {
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Origin not allowed' };
    }
    return { ok: true };
  }

  function checkToken(request: IncomingMessage): GuardVerdict {
    const given = request.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || given.length === 0) {
      return { ok: false, status: 401, reason: 'Missing token' };
    }
    const candidate = Buffer.from(given);
    if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) {
      return { ok: false, status: 401, reason: 'Wrong token' };
    }
    return { ok: true };
  }

  return { checkOriginAndHost, checkOwnOrigin, checkToken };
}
