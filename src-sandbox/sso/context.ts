import type { StoreTransaction } from '../state/store-types';
import type { UserIdentity } from '../trail/types';

/** What every SSO OIDC / portal handler gets for one request. */
export interface SsoRequestContext {
  readonly tx: StoreTransaction;
  readonly now: Date;
  /** `http://127.0.0.1:<port>`: where the verification page is served. */
  readonly origin: string;
  readonly requestId: string;
  /** Records a CloudTrail event in `account` (written when the request commits). */
  record(event: {
    account: string;
    eventSource: string;
    eventName: string;
    userIdentity: UserIdentity;
    requestParameters: unknown;
    responseElements: unknown;
    readOnly: boolean;
    errorCode?: string;
    errorMessage?: string;
  }): void;
}
