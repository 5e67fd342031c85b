import type { TrailResource, UserIdentity } from '../trail/types';
import type { SsoRequestContext } from './context';
import { SSO_SCOPE, SSO_USER, type SsoInstanceDoc } from './model';

/** What CloudTrail shows in place of a secret (client secret, device code, tokens). */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** `arn:aws:identitystore::111111111111:identitystore/d-9067sandbox` */
export function identityStoreArn(instance: SsoInstanceDoc): string {
  return `arn:aws:identitystore::${instance.managementAccount}:identitystore/${instance.identityStoreId}`;
}

/** A caller Identity Center could not (yet) tie to a user: before sign-in, or a bad token. */
export function unauthenticatedCaller(instance: SsoInstanceDoc | undefined): UserIdentity {
  return {
    type: 'Unknown',
    ...(instance ? { accountId: instance.managementAccount } : {}),
  };
}

/**
 * A signed-in Identity Center user as AWS records them since July 2025: no userName or
 * principalId, but the identity store user id and the portal session (`credentialId`).
 */
export function identityCenterUser(
  ctx: Pick<SsoRequestContext, 'tx' | 'instance'>,
  session: { readonly userName: string; readonly sessionId: string },
): UserIdentity {
  const instance = ctx.instance;
  if (!instance) return unauthenticatedCaller(instance);
  const user = ctx.tx.get(SSO_USER, SSO_SCOPE, session.userName);
  return {
    type: 'IdentityCenterUser',
    accountId: instance.managementAccount,
    onBehalfOf: {
      userId: user?.userId ?? session.userName,
      identityStoreArn: identityStoreArn(instance),
    },
    credentialId: session.sessionId,
  };
}

/** The `resources` of a CreateToken event: the identity store the user signed in to. */
export function identityStoreResource(instance: SsoInstanceDoc | undefined): TrailResource[] {
  return instance
    ? [
        {
          accountId: instance.managementAccount,
          type: 'IdentityStoreId',
          ARN: instance.identityStoreId,
        },
      ]
    : [];
}
