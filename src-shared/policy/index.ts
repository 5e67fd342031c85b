// IAM policy model and evaluator (design.md §7), shared by the sandbox and the app.
//
// Choices for items the AWS reference marks UNCONFIRMED (or leaves open):
// - Lockout check: a key-policy statement for the caller's account root passes when the
//   caller's IAM policies allow kms:PutKeyPolicy; without IAM policies given, it passes.
// - Grants are sufficient on their own, also across accounts (no IAM half needed); a grant to
//   an account root works like a key-policy root statement (delegates to IAM).
// - Negated condition operators (StringNotEquals, ...) are true when the key is absent, as the
//   IAM user guide states; ForAllValues is true and ForAnyValue false on an absent key.
// - An empty list in the request context counts as an absent key.
// - Condition operator names are accepted in any letter case.
// - Key-policy characters outside Latin-1 are reported as MalformedPolicyDocumentException.
export type {
  Authorization,
  AuthorizationInput,
  ConditionBlock,
  ContextValue,
  Decision,
  Evaluation,
  GrantForEvaluation,
  MatchedStatement,
  ParsePolicyResult,
  PolicyDocument,
  PolicyKind,
  PolicyProblem,
  PolicyStatement,
  Principal,
  PrincipalBlock,
  RequestContext,
} from './types';
export { parsePolicy } from './parse-policy';
export { evaluatePolicy, evaluatePolicyDetailed } from './evaluate-policy';
export type { DetailedEvaluation, StatementMatch } from './evaluate-policy';
export { authorize } from './authorize';
export type { AuthorizationInputWithKind } from './authorize';
export { wouldLockOut } from './would-lock-out';
export type { LockOutOptions } from './would-lock-out';
export { MAX_KEY_POLICY_BYTES, validateKeyPolicy } from './validate-key-policy';
export type { KeyPolicyErrorCode, KeyPolicyValidation } from './validate-key-policy';
export { deriveContext } from './request-context';
export { matchesWildcard } from './wildcard';
export { toPolicyJson } from './serialize-policy';
export { principalFromArn } from './principal-from-arn';
