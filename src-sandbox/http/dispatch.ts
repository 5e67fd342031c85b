import { authFailureToError } from '../auth/auth-errors';
import type { CredentialLookup } from '../auth/credentials';
import { readSignature } from '../auth/signed-request';
import { verifySignature } from '../auth/verify-signature';
import { applyFaults } from '../faults/apply-faults';
import type { FaultController } from '../faults/fault-spec';
import type { Caller } from '../identity/caller';
import { newRequestId } from '../identity/id-generators';
import { PROTOCOLS } from '../protocols';
import { isSandboxError, SandboxError } from '../protocols/sandbox-error';
import type { HttpReply, RawRequest } from '../protocols/types';
import { operationOf, type ServiceRegistry } from '../services/registry';
import { createServiceContext } from '../services/service-context';
import type { Operation, ServiceDefinition } from '../services/types';
import type { DocumentStore } from '../state/document-store';
import { GLOBAL_REGION, type StoreTransaction } from '../state/store-types';
import { transact } from '../state/transact';
import { buildRecord, toTrailMembers, userIdentityOf } from '../trail/build-record';
import type { TrailStore } from '../trail/trail-store';
import { isKnownRegion } from './regions';

export interface SandboxRuntime {
  readonly store: DocumentStore;
  readonly trail: TrailStore;
  readonly registry: ServiceRegistry;
  readonly credentials: CredentialLookup;
  readonly faults: FaultController;
  readonly now: () => Date;
  readonly maxSkewMs: number;
}

export interface ClientInfo {
  readonly sourceIp: string;
}

/** `destroy` asks the server to drop the connection (the `reset` fault). */
export type DispatchOutcome = HttpReply | 'destroy';

const NO_SERVICE_WIRE = { protocol: 'awsQuery', apiVersion: '' } as const;

function unknownService(requestId: string, name: string): HttpReply {
  const error = new SandboxError(
    'InvalidAction',
    `The service '${name}' is not available in this sandbox.`,
  );
  return PROTOCOLS.awsQuery.error(error, requestId, NO_SERVICE_WIRE);
}

/** The service a request is for: its signature's scope, else its target or API version. */
function serviceOf(rt: SandboxRuntime, raw: RawRequest, read = readSignature(raw)) {
  return read.ok ? rt.registry.byName(read.signed.service) : rt.registry.guess(raw);
}

/**
 * 413 for a body over `limitBytes`, in the error shape of the service the headers name (AWS
 * JSON services answer `RequestEntityTooLargeException`); `head` carries no body.
 */
export function bodyTooLarge(rt: SandboxRuntime, head: RawRequest, limitBytes: number): HttpReply {
  const service = serviceOf(rt, head);
  const wire = service?.wire ?? NO_SERVICE_WIRE;
  const code =
    wire.protocol === 'awsJson1_1' ? 'RequestEntityTooLargeException' : 'RequestEntityTooLarge';
  const error = new SandboxError(code, `Request must be smaller than ${limitBytes} bytes.`, 413);
  return PROTOCOLS[wire.protocol].error(error, newRequestId(), wire);
}

/** One API request: route → parse → faults → authenticate → run → record → reply. */
export async function dispatch(
  rt: SandboxRuntime,
  raw: RawRequest,
  client: ClientInfo,
): Promise<DispatchOutcome> {
  const requestId = newRequestId();
  const read = readSignature(raw);
  const service = serviceOf(rt, raw, read);
  if (!service) return unknownService(requestId, read.ok ? read.signed.service : 'unknown');
  const protocol = PROTOCOLS[service.wire.protocol];
  const fail = (e: SandboxError): HttpReply => protocol.error(e, requestId, service.wire);

  let call;
  try {
    call = protocol.parse(raw, service.wire);
  } catch (e) {
    if (isSandboxError(e)) return fail(e);
    throw e;
  }
  const operation = operationOf(service, call.operation);
  if (!operation) {
    const { code, status } = service.errors.unknownOperation;
    return fail(
      new SandboxError(
        code,
        `Could not find operation ${call.operation} for version ${service.wire.apiVersion}`,
        status,
      ),
    );
  }

  const { throttling, internal } = service.errors;
  const faulted = await applyFaults(
    rt.faults,
    service.name,
    call.operation,
    {
      throttle: () =>
        fail(new SandboxError(throttling.code, throttling.message, throttling.status)),
      error5xx: () => fail(new SandboxError(internal.code, internal.message, internal.status)),
    },
    read.ok ? read.signed.region : undefined,
  );
  if (faulted) return faulted;

  if (!read.ok)
    return fail(authFailureToError({ kind: read.reason, message: read.message }, protocol.name));
  const verified = verifySignature(
    {
      method: raw.method,
      path: raw.path,
      query: raw.query,
      headerValues: raw.headerValues,
      body: raw.body,
    },
    read.signed,
    rt.credentials,
    {
      now: rt.now(),
      maxSkewMs: rt.maxSkewMs,
      isValidRegion: (region) => service.globalRegion !== undefined || isKnownRegion(region),
    },
  );
  if (!verified.ok) return fail(authFailureToError(verified.failure, protocol.name));

  return run(
    rt,
    service,
    { name: call.operation, operation, params: call.params },
    verified.caller,
    read.signed.region,
    requestId,
    {
      sourceIp: client.sourceIp,
      userAgent: raw.headers['user-agent'] ?? '',
    },
  );
}

interface FoundCall {
  readonly name: string;
  readonly operation: Operation;
  readonly params: Readonly<Record<string, unknown>>;
}

async function run(
  rt: SandboxRuntime,
  service: ServiceDefinition,
  call: FoundCall,
  caller: Caller,
  signedRegion: string,
  requestId: string,
  client: { sourceIp: string; userAgent: string },
): Promise<HttpReply> {
  const protocol = PROTOCOLS[service.wire.protocol];
  const { name: operationName, operation, params } = call;
  const region = service.globalRegion ?? signedRegion;
  const scope = { account: caller.account, region: service.globalRegion ? GLOBAL_REGION : region };
  // The whole call is one transaction; it runs again if a concurrent commit changed what it read.
  const attempt = async (tx: StoreTransaction): Promise<HttpReply> => {
    const { ctx, event } = createServiceContext({
      service,
      operation: operationName,
      caller,
      region,
      scope,
      requestId,
      sourceIp: client.sourceIp,
      userAgent: client.userAgent,
      store: tx,
      now: rt.now,
    });

    let reply: HttpReply;
    let outcome: { responseElements: unknown } | { error: SandboxError };
    try {
      const result = await operation.run(ctx, params);
      reply = protocol.success(operationName, result.output, requestId, service.wire);
      outcome = { responseElements: result.responseElements };
    } catch (e) {
      const error = isSandboxError(e) ? e : internalError(service, e);
      tx.discardChanges();
      reply = protocol.error(error, requestId, service.wire);
      outcome = { error };
    }

    const details = event.details;
    const base = {
      userIdentity: userIdentityOf(caller),
      eventTime: rt.now(),
      eventSource: service.eventSource,
      eventName: operationName,
      awsRegion: region,
      sourceIPAddress: client.sourceIp,
      userAgent: client.userAgent,
      readOnly: operation.readOnly,
      requestParameters:
        'requestParameters' in details ? details.requestParameters : toTrailMembers(params),
      ...('error' in outcome
        ? {
            errorCode:
              service.errors.trailErrorCode?.(outcome.error.code, outcome.error.httpStatus) ??
              outcome.error.code,
            errorMessage: outcome.error.message,
            responseElements: null,
          }
        : {
            responseElements:
              'responseElements' in details ? details.responseElements : outcome.responseElements,
          }),
      additionalEventData: details.additionalEventData,
      requestID: requestId,
      ...(details.resources ? { resources: details.resources } : {}),
    };
    const recipients = [
      caller.account,
      ...(details.alsoRecordIn ?? []).filter((a) => a !== caller.account),
    ];
    const shared = recipients.length > 1 ? newRequestId() : undefined;
    const records = recipients.map((account) =>
      buildRecord({
        ...base,
        recipientAccountId: account,
        ...(shared ? { sharedEventID: shared } : {}),
      }),
    );
    tx.onCommit(() => {
      for (const r of records) rt.trail.insert(r);
      for (const r of event.extras) rt.trail.insert(r);
    });
    return reply;
  };
  try {
    return await transact(rt.store, attempt);
  } catch (e) {
    return protocol.error(internalError(service, e), requestId, service.wire);
  }
}

function internalError(service: ServiceDefinition, cause: unknown): SandboxError {
  console.error('[sandbox] internal error:', cause);
  const t = service.errors.internal;
  return new SandboxError(t.code, t.message, t.status);
}
