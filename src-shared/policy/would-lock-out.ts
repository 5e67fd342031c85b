// The KMS lockout safety check (CreateKey / PutKeyPolicy / ReplicateKey without
// BypassPolicyLockoutSafetyCheck): would the new key policy still let the caller call
// kms:PutKeyPolicy on this key?
import type { ContextValue, PolicyDocument, Principal, RequestContext } from './types';
import { authorize } from './authorize';
import { evaluatePolicyDetailed } from './evaluate-policy';

export interface LockOutOptions {
  /**
   * The caller's IAM policies. When given, a statement for the account root counts only if
   * they allow kms:PutKeyPolicy (reference §2.6.3). When omitted, such a statement is assumed
   * to pass — UNCONFIRMED whether real KMS consults IAM here; the observed failures are
   * consistent with it, and the optimistic reading never blocks a policy AWS would accept.
   */
  readonly identityPolicies?: readonly PolicyDocument[];
  /** Extra request context (e.g. `aws:SourceIp`) for statements with conditions. */
  readonly context?: Readonly<Record<string, ContextValue | undefined>>;
}

export function wouldLockOut(
  policy: PolicyDocument,
  caller: Principal,
  keyArn: string,
  options: LockOutOptions = {},
): boolean {
  const request: RequestContext = {
    principal: caller,
    action: 'kms:PutKeyPolicy',
    resource: keyArn,
    context: options.context ?? {},
  };
  if (options.identityPolicies !== undefined) {
    const resourceAccount = keyArn.split(':')[4] ?? caller.account;
    const result = authorize({
      request,
      resourceAccount,
      identityPolicies: options.identityPolicies,
      resourcePolicy: policy,
      resourcePolicyIsGatekeeper: true,
    });
    return !result.allowed;
  }
  return evaluatePolicyDetailed(policy, request, 'resource').decision !== 'allow';
}
