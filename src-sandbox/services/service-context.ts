import {
  authorize as evaluateAuthorization,
  evaluatePolicy,
  type Authorization,
  type ContextValue,
} from '../../src-shared/policy';
import type { Caller } from '../identity/caller';
import {
  identityPoliciesOf,
  parsePolicyCached,
  toPolicyPrincipal,
} from '../identity/identity-policies';
import { SandboxError } from '../protocols/sandbox-error';
import type { Scope, StoreTransaction } from '../state/store-types';
import { buildRecord, eventTimeOf, userIdentityOf } from '../trail/build-record';
import type { CloudTrailRecord } from '../trail/types';
import type {
  AuthorizeOptions,
  Denial,
  EventDetails,
  ExtraEvent,
  ServiceContext,
  ServiceDefinition,
} from './types';

export interface ContextInit {
  readonly service: ServiceDefinition;
  readonly operation: string;
  readonly caller: Caller;
  readonly region: string;
  readonly scope: Scope;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly invokedBy?: string;
  readonly store: StoreTransaction;
  readonly now: () => Date;
}

/** The mutable per-call event state the dispatcher reads after the handler ran. */
export interface EventState {
  details: EventDetails;
  readonly extras: CloudTrailRecord[];
}

const PRINCIPAL_TYPE = { root: 'Account', user: 'User', 'assumed-role': 'AssumedRole' } as const;

export function accountFromArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

export function defaultDeniedMessage(d: Denial): string {
  const base = `User: ${d.callerArn} is not authorized to perform: ${d.action} on resource: ${d.resource}`;
  const resourceSide =
    d.hadResourcePolicy && /key policy|resource policy|trust policy/.test(d.authorization.reason);
  if (d.authorization.decision === 'explicit-deny') {
    return `${base} with an explicit deny in ${resourceSide ? 'a resource-based' : 'an identity-based'} policy`;
  }
  return `${base} because no ${d.hadResourcePolicy ? 'resource-based' : 'identity-based'} policy allows the ${d.action} action`;
}

export function createServiceContext(init: ContextInit): {
  ctx: ServiceContext;
  event: EventState;
} {
  const { service, caller, store } = init;
  const event: EventState = { details: {}, extras: [] };
  const principal = toPolicyPrincipal(caller);

  const baseContext = (): Record<string, ContextValue | undefined> => {
    const now = init.now();
    const typeName = PRINCIPAL_TYPE[caller.kind];
    return {
      'aws:CurrentTime': eventTimeOf(now),
      'aws:EpochTime': Math.floor(now.getTime() / 1000),
      'aws:SourceIp': init.sourceIp,
      'aws:SecureTransport': false,
      'aws:RequestedRegion': init.region,
      'aws:userid': caller.userId,
      'aws:PrincipalType': typeName,
      'aws:MultiFactorAuthPresent': caller.temporary ? caller.mfaAuthenticated : undefined,
      'aws:ViaAWSService': init.invokedBy !== undefined,
    };
  };

  const checkAccess = (
    action: string,
    resource: string,
    context: Readonly<Record<string, ContextValue | undefined>> = {},
    options: AuthorizeOptions = {},
  ): Authorization => {
    const request = { principal, action, resource, context: { ...baseContext(), ...context } };
    const result = evaluateAuthorization({
      request,
      resourceAccount: options.resourceAccount ?? accountFromArn(resource) ?? caller.account,
      identityPolicies: identityPoliciesOf(caller, store),
      ...(options.resourcePolicy ? { resourcePolicy: options.resourcePolicy } : {}),
      ...(options.resourcePolicyIsGatekeeper === undefined
        ? {}
        : { resourcePolicyIsGatekeeper: options.resourcePolicyIsGatekeeper }),
      ...(options.resourcePolicyKind ? { resourcePolicyKind: options.resourcePolicyKind } : {}),
      ...(options.grants ? { grants: options.grants } : {}),
    });
    if (result.allowed && caller.sessionPolicy !== undefined) {
      // Session policies limit a session to the intersection with its role's permissions.
      const session = parsePolicyCached(caller.sessionPolicy, 'identity');
      const decision = session
        ? evaluatePolicy(session, request, 'identity').decision
        : 'implicit-deny';
      if (decision !== 'allow') {
        return {
          allowed: false,
          decision,
          via: 'none',
          reason: 'not allowed by the session policy',
        };
      }
    }
    return result;
  };

  const errors = {
    accessDenied: (message: string) =>
      new SandboxError(
        service.errors.accessDenied.code,
        message,
        service.errors.accessDenied.status,
      ),
    validation: (message: string) =>
      new SandboxError(service.errors.validation.code, message, service.errors.validation.status),
  };

  const ctx: ServiceContext = {
    service,
    operation: init.operation,
    caller,
    principal,
    account: caller.account,
    region: init.region,
    scope: init.scope,
    requestId: init.requestId,
    sourceIp: init.sourceIp,
    userAgent: init.userAgent,
    ...(init.invokedBy === undefined ? {} : { invokedBy: init.invokedBy }),
    store,
    now: init.now,
    baseContext,
    checkAccess,
    authorize(action, resource, context, options) {
      const result = checkAccess(action, resource, context, options);
      if (!result.allowed) {
        const denial: Denial = {
          callerArn: caller.arn,
          action,
          resource,
          authorization: result,
          hadResourcePolicy: options?.resourcePolicy !== undefined,
        };
        throw errors.accessDenied(
          (service.errors.accessDeniedMessage ?? defaultDeniedMessage)(denial),
        );
      }
      return result;
    },
    describeEvent(details) {
      event.details = { ...event.details, ...details };
    },
    recordEvent(extra: ExtraEvent) {
      const invokedBy = extra.invokedBy;
      event.extras.push(
        buildRecord({
          ...extra,
          userIdentity: extra.userIdentity ?? userIdentityOf(caller, invokedBy),
          eventTime: extra.eventTime ?? init.now(),
          eventSource: extra.eventSource ?? service.eventSource,
          awsRegion: extra.awsRegion ?? init.region,
          sourceIPAddress: invokedBy ?? init.sourceIp,
          userAgent: invokedBy ?? init.userAgent,
          recipientAccountId: extra.recipientAccountId ?? caller.account,
        }),
      );
    },
    errors,
  };
  return { ctx, event };
}
