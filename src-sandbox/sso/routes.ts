import { applyFaults, type FaultReplies } from '../faults/apply-faults';
import type { FaultController } from '../faults/fault-spec';
import { newRequestId } from '../identity/id-generators';
import { ownMember } from '../protocols/own-member';
import type { HttpReply, RawRequest } from '../protocols/types';
import type { DocumentStore } from '../state/document-store';
import { buildRecord } from '../trail/build-record';
import type { TrailStore } from '../trail/trail-store';
import type { SsoEventDetails, SsoRequestContext } from './context';
import { DEMO_SSO_REGION } from './demo-directory';
import { SSO_INSTANCE, SSO_SCOPE, type SsoInstanceDoc } from './model';
import { createToken, registerClient, startDeviceAuthorization } from './oidc';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal';
import {
  errorReply,
  isRestJsonError,
  jsonBody,
  jsonReply,
  oidcError,
  portalError,
  RestJsonError,
} from './rest-json';
import { unauthenticatedCaller } from './trail-identity';
import type { StoreTransaction } from '../state/store-types';
import { transact } from '../state/transact';
import { showVerificationPage, submitVerification, VERIFICATION_PATH } from './verification-page';

/** Names for `--faults service=…`: the IAM service prefixes of SSO OIDC and the access portal. */
type SsoService = 'sso-oauth' | 'sso';

interface SsoApi {
  readonly service: SsoService;
  readonly operation: string;
  readonly run: (ctx: SsoRequestContext, request: RawRequest) => object | undefined;
  /**
   * The call's CloudTrail event; absent where AWS emits none. Per the IAM Identity Center User
   * Guide ("CloudTrail events of OIDC API operations") CreateToken is logged with event source
   * `sso.amazonaws.com`, RegisterClient and StartDeviceAuthorization are not logged at all.
   */
  readonly trail?: { readonly eventSource: string; readonly readOnly: boolean };
}

const SSO_EVENTS = 'sso.amazonaws.com';

/** SSO OIDC and portal calls are unsigned (bearer token or client secret), routed by path. */
const API_ROUTES: Readonly<Record<string, SsoApi>> = {
  'POST /client/register': {
    service: 'sso-oauth',
    operation: 'RegisterClient',
    run: (ctx, r) => registerClient(ctx, jsonBody(r.body)),
  },
  'POST /device_authorization': {
    service: 'sso-oauth',
    operation: 'StartDeviceAuthorization',
    run: (ctx, r) => startDeviceAuthorization(ctx, jsonBody(r.body)),
  },
  'POST /token': {
    service: 'sso-oauth',
    operation: 'CreateToken',
    run: (ctx, r) => createToken(ctx, jsonBody(r.body)),
    trail: { eventSource: SSO_EVENTS, readOnly: false },
  },
  'GET /federation/credentials': {
    service: 'sso',
    operation: 'GetRoleCredentials',
    run: getRoleCredentials,
    trail: { eventSource: SSO_EVENTS, readOnly: true },
  },
  'GET /assignment/accounts': {
    service: 'sso',
    operation: 'ListAccounts',
    run: listAccounts,
    trail: { eventSource: SSO_EVENTS, readOnly: true },
  },
  'GET /assignment/roles': {
    service: 'sso',
    operation: 'ListAccountRoles',
    run: listAccountRoles,
    trail: { eventSource: SSO_EVENTS, readOnly: true },
  },
  'POST /logout': {
    service: 'sso',
    operation: 'Logout',
    run: logout,
    trail: { eventSource: SSO_EVENTS, readOnly: false },
  },
};

const INTERNAL_MESSAGE = 'An unexpected error occurred on the server.';

/**
 * Injected faults in each API's own error shape. Throttling is `TooManyRequestsException`/429
 * (the portal models it; OIDC does not, but the SDK classifies the name and the 429 as
 * throttling either way). 5xx is OIDC's `InternalServerException`/500; the portal models no
 * server error, so it gets the same name, which the SDK retries as transient for its 500.
 */
const FAULT_ERRORS: Readonly<Record<SsoService, FaultReplies<RestJsonError>>> = {
  'sso-oauth': {
    throttle: () =>
      new RestJsonError('TooManyRequestsException', 429, { message: 'Rate exceeded' }),
    error5xx: () => oidcError('InternalServerException', 'server_error', INTERNAL_MESSAGE, 500),
  },
  sso: {
    throttle: () => portalError('TooManyRequestsException', 'Rate exceeded', 429),
    error5xx: () => portalError('InternalServerException', INTERNAL_MESSAGE, 500),
  },
};

function apiRoute(request: RawRequest): SsoApi | undefined {
  return ownMember(API_ROUTES, `${request.method} ${request.path}`);
}

export function isSsoRoute(request: RawRequest): boolean {
  return request.path === VERIFICATION_PATH || apiRoute(request) !== undefined;
}

export interface SsoDeps {
  readonly store: DocumentStore;
  readonly trail: TrailStore;
  readonly faults: FaultController;
  readonly now: () => Date;
}

interface SsoClient {
  readonly sourceIp: string;
}

function loopbackOrigin(host: string | undefined): string | undefined {
  const match = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/.exec(host ?? '');
  return match ? `http://${host}` : undefined;
}

/**
 * One SSO request. API calls get the sandbox's faults (`'destroy'` drops the connection) and a
 * CloudTrail event; the verification page is the user's browser and gets neither.
 */
export async function handleSso(
  request: RawRequest,
  deps: SsoDeps,
  client: SsoClient,
): Promise<HttpReply | 'destroy'> {
  const requestId = newRequestId();
  const origin = loopbackOrigin(request.headers['host']);
  if (!origin) return jsonReply(403, { message: 'loopback host required' }, requestId);
  if (request.path === VERIFICATION_PATH) return verificationPage(request, deps, origin, requestId);
  const api = apiRoute(request);
  if (!api) return jsonReply(404, { message: 'not found' }, requestId);
  const errors = FAULT_ERRORS[api.service];
  const faulted = await applyFaults(deps.faults, api.service, api.operation, {
    throttle: () => errorReply(errors.throttle(), requestId),
    error5xx: () => errorReply(errors.error5xx(), requestId),
  });
  if (faulted) return faulted;
  return runApi(api, request, deps, { ...client, origin, requestId });
}

/** The Allow/Deny page, in its own transaction. */
async function verificationPage(
  request: RawRequest,
  deps: SsoDeps,
  origin: string,
  requestId: string,
): Promise<HttpReply> {
  // The Allow/Deny form may only be posted by the page itself (browsers send Origin on POST).
  const postedFrom = request.headers['origin'];
  if (request.method === 'POST' && postedFrom !== undefined && postedFrom !== origin)
    return jsonReply(403, { message: 'cross-origin form' }, requestId);
  return transact(deps.store, (tx) => {
    const ctx = { tx, now: deps.now() };
    return request.method === 'POST'
      ? submitVerification(ctx, new URLSearchParams(request.body.toString('utf8')))
      : showVerificationPage(ctx, request.query.get('user_code'));
  });
}

function instanceOfRegion(ctx: Pick<SsoRequestContext, 'tx'>): SsoInstanceDoc | undefined {
  return ctx.tx.list(SSO_INSTANCE, SSO_SCOPE).find((i) => i.region === DEMO_SSO_REGION);
}

/**
 * Runs one API call in its own store transaction, kept even when the call fails (poll times),
 * and records its CloudTrail event (success or error) in the instance's account.
 */
function runApi(
  api: SsoApi,
  request: RawRequest,
  deps: SsoDeps,
  call: SsoClient & { readonly origin: string; readonly requestId: string },
): Promise<HttpReply> {
  return transact(deps.store, (tx) => runApiIn(tx, api, request, deps, call));
}

function runApiIn(
  tx: StoreTransaction,
  api: SsoApi,
  request: RawRequest,
  deps: SsoDeps,
  call: SsoClient & { readonly origin: string; readonly requestId: string },
): HttpReply {
  const now = deps.now();
  let details: SsoEventDetails = {};
  const instance = instanceOfRegion({ tx });
  const ctx: SsoRequestContext = {
    tx,
    now,
    origin: call.origin,
    requestId: call.requestId,
    instance,
    describeEvent: (more) => {
      details = { ...details, ...more };
    },
  };
  let reply: HttpReply;
  let failure: RestJsonError | undefined;
  try {
    reply = jsonReply(200, api.run(ctx, request), call.requestId);
  } catch (e) {
    if (!isRestJsonError(e)) throw e;
    failure = e;
    reply = errorReply(e, call.requestId);
  }
  const trail = api.trail;
  if (trail && instance) {
    const record = buildRecord({
      userIdentity: details.userIdentity ?? unauthenticatedCaller(instance),
      eventTime: now,
      eventSource: trail.eventSource,
      eventName: api.operation,
      awsRegion: instance.region,
      sourceIPAddress: call.sourceIp,
      userAgent: request.headers['user-agent'] ?? '',
      recipientAccountId: instance.managementAccount,
      readOnly: trail.readOnly,
      requestParameters: details.requestParameters ?? null,
      ...(failure
        ? { errorCode: failure.type, errorMessage: failure.message, responseElements: null }
        : {
            responseElements: details.responseElements ?? null,
            ...(details.resources ? { resources: details.resources } : {}),
          }),
      requestID: call.requestId,
    });
    tx.onCommit(() => deps.trail.insert(record));
  }
  return reply;
}
