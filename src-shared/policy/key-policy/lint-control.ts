// Lint rules about who keeps control of the key: the lockout KMS refuses (the caller could no
// longer call PutKeyPolicy) and a policy that takes the account itself out of control.
import type { RequestContext } from '../types';
import { evaluatePolicy } from '../evaluate-policy';
import { principalFromArn } from '../principal-from-arn';
import { wouldLockOut } from '../would-lock-out';
import type { LintFinding, LintSubject } from './lint-types';
import { rootArn } from './principal-list';

export function lockoutFindings(subject: LintSubject): LintFinding[] {
  const { callerArn, callerIdentityPolicies, keyArn } = subject.context;
  if (callerArn === undefined) return [];
  const caller = principalFromArn(callerArn);
  if (caller === undefined) return [];
  const options =
    callerIdentityPolicies === undefined ? {} : { identityPolicies: callerIdentityPolicies };
  if (!wouldLockOut(subject.raw.policy, caller, keyArn, options)) return [];
  return [
    {
      rule: 'lockout',
      severity: 'error',
      message: `With this policy you (${callerArn}) could no longer change the key policy, so KMS refuses it ("The new key policy will not allow you to update the key policy in the future."). Keep a statement that allows you kms:PutKeyPolicy, for example the "Enable IAM User Permissions" statement for arn:aws:iam::${subject.context.accountId}:root, or add yourself to the key administrators.`,
      pointer: '/Statement',
    },
  ];
}

export function accountControlFindings(subject: LintSubject): LintFinding[] {
  const { accountId, keyArn } = subject.context;
  const request: RequestContext = {
    principal: { arn: rootArn(accountId), account: accountId, kind: 'root' },
    action: 'kms:PutKeyPolicy',
    resource: keyArn,
    context: {},
  };
  if (evaluatePolicy(subject.raw.policy, request, 'resource').decision === 'allow') return [];
  return [
    {
      rule: 'account-not-in-control',
      severity: 'warning',
      message: `No statement lets account ${accountId} itself manage the key: only the principals named here can change its policy, and IAM policies in the account cannot help. If those principals are deleted, nobody can manage the key without AWS Support. Keep the "Enable IAM User Permissions" statement (Principal arn:aws:iam::${accountId}:root, Action kms:*) unless you mean to.`,
      pointer: '/Statement',
    },
  ];
}
