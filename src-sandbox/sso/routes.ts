import { newRequestId } from '../identity/id-generators';
import type { HttpReply, RawRequest } from '../protocols/types';
import type { DocumentStore } from '../state/document-store';
import { buildRecord } from '../trail/build-record';
import type { CloudTrailRecord } from '../trail/types';
import type { TrailStore } from '../trail/trail-store';
import type { SsoRequestContext } from './context';
import { DEMO_SSO_REGION } from './demo-directory';
import { createToken, registerClient, startDeviceAuthorization } from './oidc';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal';
import { errorReply, isRestJsonError, jsonBody, jsonReply } from './rest-json';
import { showVerificationPage, submitVerification, VERIFICATION_PATH } from './verification-page';

type Route = (ctx: SsoRequestContext, request: RawRequest) => object | undefined;

/** SSO OIDC and portal calls are unsigned (bearer token or client secret), routed by path. */
const API_ROUTES: Readonly<Record<string, Route>> = {
  'POST /client/register': (ctx, r) => registerClient(ctx, jsonBody(r.body)),
  'POST /device_authorization': (ctx, r) => startDeviceAuthorization(ctx, jsonBody(r.body)),
  'POST /token': (ctx, r) => createToken(ctx, jsonBody(r.body)),
  'GET /federation/credentials': getRoleCredentials,
  'GET /assignment/accounts': listAccounts,
  'GET /assignment/roles': listAccountRoles,
  'POST /logout': logout,
};

export function isSsoRoute(request: RawRequest): boolean {
  return request.path === VERIFICATION_PATH || `${request.method} ${request.path}` in API_ROUTES;
}

export interface SsoDeps {
  readonly store: DocumentStore;
  readonly trail: TrailStore;
  readonly now: () => Date;
}

function loopbackOrigin(host: string | undefined): string | undefined {
  const match = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/.exec(host ?? '');
  return match ? `http://${host}` : undefined;
}

/** Runs one SSO request in its own store transaction (kept even when the call fails, e.g. poll times). */
export async function handleSso(
  request: RawRequest,
  deps: SsoDeps,
  client: { sourceIp: string },
): Promise<HttpReply> {
  const requestId = newRequestId();
  const origin = loopbackOrigin(request.headers['host']);
  if (!origin) return jsonReply(403, { message: 'loopback host required' }, requestId);
  // The Allow/Deny form may only be posted by the page itself (browsers send Origin on POST).
  const postedFrom = request.headers['origin'];
  if (request.path === VERIFICATION_PATH && request.method === 'POST' && postedFrom !== undefined) {
    if (postedFrom !== origin) return jsonReply(403, { message: 'cross-origin form' }, requestId);
  }
  const tx = deps.store.begin();
  const now = deps.now();
  const records: CloudTrailRecord[] = [];
  const ctx: SsoRequestContext = {
    tx,
    now,
    origin,
    requestId,
    record: ({ account, ...event }) =>
      records.push(
        buildRecord({
          ...event,
          recipientAccountId: account,
          eventTime: now,
          awsRegion: DEMO_SSO_REGION,
          sourceIPAddress: client.sourceIp,
          userAgent: request.headers['user-agent'] ?? '',
          requestID: requestId,
        }),
      ),
  };
  let reply: HttpReply;
  try {
    if (request.path === VERIFICATION_PATH) {
      reply =
        request.method === 'POST'
          ? submitVerification(ctx, new URLSearchParams(request.body.toString('utf8')))
          : showVerificationPage(ctx, request.query.get('user_code'));
    } else {
      const route = API_ROUTES[`${request.method} ${request.path}`];
      const output = route?.(ctx, request);
      reply = jsonReply(200, output, requestId);
    }
  } catch (e) {
    if (!isRestJsonError(e)) throw e;
    reply = errorReply(e, requestId);
  }
  tx.onCommit(() => {
    for (const r of records) deps.trail.insert(r);
  });
  await tx.commitBatched();
  return reply;
}
