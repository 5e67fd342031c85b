import type { z } from 'zod';
import type {
  Authorization,
  ContextValue,
  GrantForEvaluation,
  PolicyDocument,
  Principal,
} from '../../src-shared/policy';
import type { Caller } from '../identity/caller';
import type { SandboxError } from '../protocols/sandbox-error';
import type { WireSettings } from '../protocols/types';
import type { Scope, StoreTransaction } from '../state/store-types';
import type { RecordInput } from '../trail/build-record';
import type { TrailResource, UserIdentity } from '../trail/types';

/** Signing names the router knows (credential scope `service`). */
export type ServiceName = 'kms' | 'ec2' | 'sts' | 'iam' | 'cloudtrail';

/** Error codes a service answers with for framework-made errors. */
export interface ServiceErrorStyle {
  /** KMS `AccessDeniedException`/400, STS+IAM `AccessDenied`/403, EC2 `UnauthorizedOperation`/403. */
  readonly accessDenied: { readonly code: string; readonly status: number };
  /** KMS `ValidationException`, STS+IAM `ValidationError`, EC2 `InvalidParameterValue`. */
  readonly validation: { readonly code: string; readonly status: number };
  /** KMS `ThrottlingException`/400, EC2 `RequestLimitExceeded`/503, STS+IAM `Throttling`/400. */
  readonly throttling: { readonly code: string; readonly status: number; readonly message: string };
  /** JSON+query `InternalFailure`/500, EC2 `InternalError`/500. */
  readonly internal: { readonly code: string; readonly status: number; readonly message: string };
  /** awsJson `UnknownOperationException`, query `InvalidAction`. */
  readonly unknownOperation: { readonly code: string; readonly status: number };
  /** Message for a denied call; default: IAM style `User: … is not authorized to perform: … because no identity-based policy allows …`. */
  readonly accessDeniedMessage?: (denial: Denial) => string;
  /** CloudTrail `errorCode` of a failed call, when it differs from the wire code (EC2's `Client.`). */
  readonly trailErrorCode?: (code: string, status: number) => string;
}

export interface Denial {
  readonly callerArn: string;
  readonly action: string;
  readonly resource: string;
  readonly authorization: Authorization;
  readonly hadResourcePolicy: boolean;
}

export interface AuthorizeOptions {
  /** E.g. a KMS key policy, a role trust policy. */
  readonly resourcePolicy?: PolicyDocument;
  /** KMS: the key policy must allow (directly, or by delegating to the account's IAM). */
  readonly resourcePolicyIsGatekeeper?: boolean;
  readonly resourcePolicyKind?: 'resource' | 'trust';
  /** Account owning the resource (default: parsed from the resource ARN, else the caller's). */
  readonly resourceAccount?: string;
  readonly grants?: readonly GrantForEvaluation[];
}

/** Overrides for the CloudTrail record the framework writes for the current call. */
export interface EventDetails {
  readonly resources?: readonly TrailResource[];
  readonly requestParameters?: unknown;
  readonly responseElements?: unknown;
  readonly additionalEventData?: unknown;
  /** Other accounts that also receive the record (cross-account KMS use: the key owner). */
  readonly alsoRecordIn?: readonly string[];
}

/** An additional record (a service event, or a call one service makes on the caller's behalf). */
export type ExtraEvent = Omit<
  RecordInput,
  | 'eventTime'
  | 'sourceIPAddress'
  | 'userAgent'
  | 'userIdentity'
  | 'recipientAccountId'
  | 'awsRegion'
  | 'eventSource'
> & {
  readonly eventSource?: string;
  readonly awsRegion?: string;
  readonly recipientAccountId?: string;
  readonly userIdentity?: UserIdentity;
  /** Sets userIdentity.invokedBy, sourceIPAddress and userAgent to this service (e.g. `ec2.amazonaws.com`). */
  readonly invokedBy?: string;
  readonly eventTime?: Date;
};

/** Everything an operation handler may use. One per request. */
export interface ServiceContext {
  readonly service: ServiceDefinition;
  readonly operation: string;
  readonly caller: Caller;
  /** The evaluator's view of the caller. */
  readonly principal: Principal;
  /** The caller's account. */
  readonly account: string;
  /** Region from the credential scope (`us-east-1` for global services). */
  readonly region: string;
  /** Where this service keeps the caller's state: `{account, region}`, region `global` for IAM. */
  readonly scope: Scope;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** Set when another service made this call on the caller's behalf (`ec2.amazonaws.com`). */
  readonly invokedBy?: string;
  /** The request's unit of work; committed with the CloudTrail record after the handler. */
  readonly store: StoreTransaction;
  now(): Date;
  /**
   * Authorises `action` on `resource` for the caller with the shared policy evaluator
   * (identity policies, plus `options.resourcePolicy`/grants), and throws the service's
   * access-denied error when it is not allowed. Root is always allowed in its own account
   * unless a resource policy is the gatekeeper.
   */
  authorize(
    action: string,
    resource: string,
    context?: Readonly<Record<string, ContextValue | undefined>>,
    options?: AuthorizeOptions,
  ): Authorization;
  /** Same decision as `authorize`, never throws. */
  checkAccess(
    action: string,
    resource: string,
    context?: Readonly<Record<string, ContextValue | undefined>>,
    options?: AuthorizeOptions,
  ): Authorization;
  /** Context keys every request carries (`aws:CurrentTime`, `aws:SourceIp`, `aws:MultiFactorAuthPresent` …). */
  baseContext(): Readonly<Record<string, ContextValue | undefined>>;
  /** Adjust the CloudTrail record of this call (resources, elements, extra recipients). */
  describeEvent(details: EventDetails): void;
  /** Write another CloudTrail record in the same transaction. Defaults come from this call. */
  recordEvent(event: ExtraEvent): void;
  /** The service's own errors, ready to throw. */
  readonly errors: {
    accessDenied(message: string): SandboxError;
    validation(message: string): SandboxError;
  };
}

export interface OperationResult {
  readonly output: object;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
}

/** A runnable operation. Build it with `defineOperation` (services/define-operation.ts). */
export interface Operation {
  /** CloudTrail `readOnly`. */
  readonly readOnly: boolean;
  run(ctx: ServiceContext, rawParams: Readonly<Record<string, unknown>>): Promise<OperationResult>;
}

export interface OperationSpec<I, O extends object> {
  /** zod schema for the decoded wire parameters (query protocols deliver strings: coerce). */
  readonly input: z.ZodType<I>;
  readonly readOnly?: boolean;
  readonly handler: (ctx: ServiceContext, input: I) => O | Promise<O>;
  /** CloudTrail `requestParameters` (default: input members in lower camel case, secrets dropped). */
  readonly requestParameters?: (input: I) => unknown;
  /** CloudTrail `responseElements` (default: output in lower camel case); `null` to never log. */
  readonly responseElements?: ((output: O, input: I) => unknown) | null;
}

export interface ServiceDefinition {
  readonly name: ServiceName;
  /** CloudTrail `eventSource`, e.g. `kms.amazonaws.com`. */
  readonly eventSource: string;
  readonly wire: WireSettings;
  /**
   * Global services (IAM) keep state in region `global` and record events in this region
   * (`us-east-1`) whatever region the request was signed for.
   */
  readonly globalRegion?: string;
  readonly errors: ServiceErrorStyle;
  readonly operations: Readonly<Record<string, Operation>>;
}
