// KMS grants: a grant allows its grantee the listed operations on one key, subject to its
// encryption-context constraints.
import type { GrantForEvaluation, Principal, RequestContext } from './types';
import type { ContextLookup } from './request-context';
import { normaliseAwsPrincipal } from './principal-format';
import { rootArnOf } from './principal-match';

/** Operations that take an encryption context; constraints do not apply to the others. */
const EC_OPERATIONS = new Set(
  [
    'Encrypt',
    'Decrypt',
    'ReEncryptFrom',
    'ReEncryptTo',
    'GenerateDataKey',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    // For CreateGrant, the request's kms:EncryptionContext:* keys describe the new grant's
    // constraints, so a constrained grant can only create grants at least as strict.
    'CreateGrant',
  ].map((op) => op.toLowerCase()),
);

export type GranteeMatch = 'none' | 'direct' | 'account';

export function matchGrantee(grantee: string, principal: Principal): GranteeMatch {
  if (principal.kind === 'service') return grantee === principal.service ? 'direct' : 'none';
  if (principal.kind === 'anonymous') return 'none';
  const entry = normaliseAwsPrincipal(grantee);
  if (entry === principal.arn) return 'direct';
  if (principal.kind === 'assumed-role' && entry === principal.roleArn) return 'direct';
  // UNCONFIRMED: a grant to an account root is treated like a key-policy statement naming the
  // root: the root itself may use it, other principals of that account need an IAM allow.
  return entry === rootArnOf(principal) ? 'account' : 'none';
}

function grantOperation(action: string): string | undefined {
  const lower = action.toLowerCase();
  return lower.startsWith('kms:') ? lower.slice(4) : undefined;
}

function constraintsHold(
  grant: GrantForEvaluation,
  operation: string,
  context: ContextLookup,
): boolean {
  const subset = grant.constraints?.encryptionContextSubset;
  const equals = grant.constraints?.encryptionContextEquals;
  if ((subset === undefined && equals === undefined) || !EC_OPERATIONS.has(operation)) return true;
  const actual = context.encryptionContext();
  if (subset !== undefined) {
    if (!Object.entries(subset).every(([key, value]) => actual[key] === value)) return false;
  }
  if (equals !== undefined) {
    const wanted = Object.entries(equals);
    if (Object.keys(actual).length !== wanted.length) return false;
    if (!wanted.every(([key, value]) => actual[key] === value)) return false;
  }
  return true;
}

/**
 * The first grant that allows the request. `identityAllows` answers whether the caller's IAM
 * policies allow the action (needed only for grants made to the caller's account root).
 */
export function findAllowingGrant(
  grants: readonly GrantForEvaluation[],
  request: RequestContext,
  context: ContextLookup,
  identityAllows: boolean,
): GrantForEvaluation | undefined {
  const operation = grantOperation(request.action);
  if (operation === undefined) return undefined;
  return grants.find((grant) => {
    const who = matchGrantee(grant.granteePrincipal, request.principal);
    if (who === 'none' || (who === 'account' && !identityAllows)) return false;
    if (!grant.operations.some((op) => op.toLowerCase() === operation)) return false;
    return constraintsHold(grant, operation, context);
  });
}
