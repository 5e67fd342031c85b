import type {
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  InitializeMiddleware,
  MetadataBearer,
  MiddlewareStack,
  SMITHY_CONTEXT_KEY,
} from '@smithy/types';
import { requestQuotasOf } from '../../src-shared/quotas/quotas-of-call';
import type { CallLog } from './call-log';
import { mapAwsError, type RequestPlace } from './map-aws-error';
import type { AwsPrincipal } from './principal';
import type { RequestScheduler } from './scheduler/request-scheduler';

const SMITHY_CONTEXT: typeof SMITHY_CONTEXT_KEY = '__smithy_context';

/** What the access layer knows of one cached client. */
export interface ClientIdentity {
  /** The service's name in the call log and the quota table: `kms`, `ec2`, `sso-oidc`, … */
  readonly service: string;
  readonly region: string;
  /** Absent for APIs that sign nothing (IAM Identity Center's OIDC and portal). */
  readonly principal: AwsPrincipal | undefined;
}

interface CallState {
  waitedMs: number;
  /** Where the last attempt went: a connection error names the host it could not reach. */
  place?: RequestPlace;
}

function operationOf(context: HandlerExecutionContext): string {
  return context[SMITHY_CONTEXT]?.operation ?? context.commandName?.replace(/Command$/, '') ?? '?';
}

function metadataOf(value: unknown): MetadataBearer['$metadata'] | undefined {
  return typeof value === 'object' && value !== null && '$metadata' in value
    ? (value as MetadataBearer).$metadata
    : undefined;
}

/**
 * Outermost: times the call, maps its error (map-aws-error: code, message and request id kept)
 * and records it in the call log. Outside the SDK's retry, so one record per call.
 */
function callLogMiddleware(
  client: ClientIdentity,
  log: CallLog,
  states: WeakMap<HandlerExecutionContext, CallState>,
): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const operation = operationOf(context);
    const state: CallState = { waitedMs: 0 };
    states.set(context, state);
    const startedAt = new Date();
    const started = performance.now();
    const record = (outcome: string, metadata: MetadataBearer['$metadata'] | undefined) =>
      log.record({
        service: client.service,
        operation,
        profileId: client.principal?.profileId ?? null,
        account: client.principal?.accountId ?? null,
        region: client.region,
        startedAt: startedAt.toISOString(),
        durationMs: Math.round(performance.now() - started),
        waitedMs: Math.round(state.waitedMs),
        outcome,
        httpStatus: metadata?.httpStatusCode ?? null,
        requestId: metadata?.requestId ?? null,
        attempts: metadata?.attempts ?? 0,
      });
    try {
      const result = await next(args);
      record('ok', result.output.$metadata);
      return result;
    } catch (error) {
      const mapped = mapAwsError(error, client.service, operation, state.place);
      record(
        mapped.code === 'cancelled' ? 'cancelled' : (mapped.aws?.code ?? mapped.code),
        metadataOf(error),
      );
      throw mapped;
    }
  };
}

/**
 * Inside the SDK's retry, so every attempt waits its turn: for a connection of its endpoint and
 * a token of each quota it counts against. Before signing, so a long wait cannot age the
 * signature.
 */
function schedulerMiddleware(
  client: ClientIdentity,
  scheduler: RequestScheduler,
  states: WeakMap<HandlerExecutionContext, CallState>,
): FinalizeRequestMiddleware<object, MetadataBearer> {
  const principal = client.principal;
  const account = principal ? (principal.accountId ?? `principal:${principal.id}`) : 'anonymous';
  return (next, context) => async (args) => {
    const waitStart = performance.now();
    const done = await scheduler.acquire({
      endpoint: endpointOf(args.request),
      account,
      region: client.region,
      quotas: requestQuotasOf({
        service: client.service,
        operation: operationOf(context),
        region: client.region,
        input: args.input as Readonly<Record<string, unknown>>,
      }),
      signal: abortSignalOf(context),
    });
    const state = states.get(context);
    if (state) {
      state.waitedMs += performance.now() - waitStart;
      state.place = placeOf(args.request);
    }
    try {
      return await next(args);
    } finally {
      done();
    }
  };
}

type RequestUrl = { protocol?: string; hostname?: string; port?: number };

/** The host a request goes to (its connection pool): `https://kms.us-east-1.amazonaws.com`. */
function endpointOf(request: unknown): string {
  const { protocol, hostname, port } = request as RequestUrl;
  return `${protocol ?? 'https:'}//${hostname ?? '?'}${port ? `:${port}` : ''}`;
}

/** The host and port a request goes to, the default port of its protocol included. */
function placeOf(request: unknown): RequestPlace | undefined {
  const { protocol, hostname, port } = request as RequestUrl;
  if (!hostname) return undefined;
  return { host: hostname, port: port ?? (protocol === 'http:' ? 80 : 443) };
}

/** The signal the caller passed to `send` (`{ abortSignal }`), which the SDK hands middleware. */
function abortSignalOf(context: HandlerExecutionContext): AbortSignal | undefined {
  const signal = context[SMITHY_CONTEXT]?.abortSignal;
  return signal instanceof AbortSignal ? signal : undefined;
}

/** Puts the call log and the scheduler on a new client. */
export function installAccessMiddleware(
  sdkClient: { readonly middlewareStack: unknown },
  client: ClientIdentity,
  deps: { readonly log: CallLog; readonly scheduler: RequestScheduler },
): void {
  // Each service types its stack by its own inputs and outputs; these middlewares read only
  // what every call has (its name, input object, $metadata), so they fit every stack.
  const stack = sdkClient.middlewareStack as MiddlewareStack<object, MetadataBearer>;
  const states = new WeakMap<HandlerExecutionContext, CallState>();
  stack.add(callLogMiddleware(client, deps.log, states), {
    step: 'initialize',
    priority: 'high',
    name: 'keywardCallLog',
  });
  stack.addRelativeTo(schedulerMiddleware(client, deps.scheduler, states), {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'keywardScheduler',
  });
}
