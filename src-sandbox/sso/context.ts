import type { StoreTransaction } from '../state/store-types';
import type { TrailResource, UserIdentity } from '../trail/types';
import type { SsoInstanceDoc } from './model';

/** What a handler adds to the CloudTrail event the router writes for its call. */
export interface SsoEventDetails {
  /** Default: an unauthenticated caller (`Unknown`) in the instance's account. */
  readonly userIdentity?: UserIdentity;
  /** Secrets replaced by `HIDDEN_DUE_TO_SECURITY_REASONS`, as AWS does. */
  readonly requestParameters?: unknown;
  /** Only for a successful call; secrets hidden. */
  readonly responseElements?: unknown;
  readonly resources?: readonly TrailResource[];
}

/** What every SSO OIDC / portal handler gets for one request. */
export interface SsoRequestContext {
  readonly tx: StoreTransaction;
  readonly now: Date;
  /** `http://127.0.0.1:<port>`: where the verification page is served. */
  readonly origin: string;
  readonly requestId: string;
  /** The Identity Center instance of the region this endpoint serves (its account gets the events). */
  readonly instance: SsoInstanceDoc | undefined;
  /** Adds to this call's CloudTrail event (kept when the handler then fails). */
  describeEvent(details: SsoEventDetails): void;
}
