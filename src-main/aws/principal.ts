import { randomUUID } from 'node:crypto';
import type { AwsTarget } from './client-config';

/** Who a call is made as: what the client factory caches clients for and charges quotas to. */
export interface AwsPrincipal {
  /** Names the principal in the client cache: a profile id, or a one-off name. */
  readonly id: string;
  /** The saved profile it stands for, if any (the call log names it). */
  readonly profileId: string | undefined;
  /**
   * Changes whenever its credentials or their destination change (a new key, an MFA session, a
   * sign-in): a cached client for an older revision is not used again.
   */
  readonly revision: string;
  /** The AWS account its calls count against, once its identity is known. */
  readonly accountId: string | undefined;
  readonly target: AwsTarget;
}

/** Credentials that belong to no saved profile yet (checked before a profile is saved). */
export function oneOffPrincipal(
  target: AwsTarget,
  details: { profileId?: string | undefined; accountId?: string | undefined } = {},
): AwsPrincipal {
  return {
    id: `one-off:${randomUUID()}`,
    profileId: details.profileId,
    revision: '0',
    accountId: details.accountId,
    target,
  };
}
