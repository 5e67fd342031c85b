import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { formatFaultSpec, parseFaultSpec, type FaultController } from '../faults/fault-spec';
import type { HttpReply, RawRequest } from '../protocols/types';

export const ADMIN_PREFIX = '/__sandbox/';

export interface AdminDeps {
  readonly adminToken: string;
  readonly faults: FaultController;
  readonly health: () => Record<string, unknown>;
}

const json = (status: number, body: unknown): HttpReply => ({
  status,
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  body: JSON.stringify(body),
});

const faultsBody = z.union([
  z.object({ spec: z.string().max(1000) }).strict(),
  z.object({ clear: z.literal(true) }).strict(),
]);

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  const given = Buffer.from(m?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/**
 * `GET /__sandbox/health` (open), `GET|POST /__sandbox/faults` (bearer admin token).
 * POST body: `{"spec": "throttle=0.2,latency=50ms"}` or `{"clear": true}`.
 */
export function handleAdmin(request: RawRequest, deps: AdminDeps): HttpReply {
  if (!isLoopbackHost(request.headers['host']))
    return json(403, { error: 'loopback host required' });
  const route = request.path.slice(ADMIN_PREFIX.length);
  if (route === 'health' && request.method === 'GET') return json(200, deps.health());
  if (route !== 'faults') return json(404, { error: 'not found' });
  if (!tokenMatches(request.headers['authorization'], deps.adminToken)) {
    return json(401, { error: 'admin token required (Authorization: Bearer <token>)' });
  }
  if (request.method === 'GET') return json(200, { spec: formatFaultSpec(deps.faults.current) });
  if (request.method !== 'POST') return json(405, { error: 'use GET or POST' });
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return json(400, { error: 'body must be JSON' });
  }
  const parsed = faultsBody.safeParse(body);
  if (!parsed.success) return json(400, { error: 'expected {"spec": "..."} or {"clear": true}' });
  try {
    deps.faults.set(parseFaultSpec('spec' in parsed.data ? parsed.data.spec : ''));
  } catch (e) {
    return json(400, { error: e instanceof Error ? e.message : String(e) });
  }
  return json(200, { spec: formatFaultSpec(deps.faults.current) });
}
