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
// - The wizard's policy lists kms:RotateKeyOnDemand for administrators (as recent console
//   policies do) and adds the "allow attachment of persistent resources" statement only for
//   symmetric encryption keys (reference §2.6.2).
// - Effective access: "administer" means kms:PutKeyPolicy; a permission that holds only under a
//   statement's conditions is "conditional"; one the key policy delegates to IAM (account root,
//   or a principal of another account) is "depends-on-iam" unless that IAM policy is given.
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

// Key policies (issue 12 §4, §6): the visual model, the wizard's policy, lint, effective
// access and diff. See key-policy/.
export { parseKeyPolicyView } from './key-policy/parse-key-policy-view';
export type { ParseKeyPolicyViewResult } from './key-policy/parse-key-policy-view';
export { emitKeyPolicy } from './key-policy/emit-key-policy';
export { describeKeyPolicyView } from './key-policy/describe-key-policy-view';
export type { KeyPolicyRoles } from './key-policy/describe-key-policy-view';
export type {
  KeyPolicyContext,
  KeyPolicySection,
  KeyPolicyView,
  NotUnderstoodSection,
  UnderstoodSection,
} from './key-policy/key-policy-view';
export {
  addAdministrator,
  removeAdministrator,
  setAdministratorsMayDelete,
} from './key-policy/edit-administrators';
export {
  addKeyUser,
  addOtherAccount,
  removeKeyUser,
  removeOtherAccount,
  setAllowAttachment,
} from './key-policy/edit-key-users';
export { addServicePrincipal, removeServicePrincipal } from './key-policy/edit-service-principals';
export { buildDefaultKeyPolicy } from './key-policy/build-default-key-policy';
export type { DefaultKeyPolicyOptions } from './key-policy/build-default-key-policy';
export type { KeyUsage, KeyUserActionSet } from './key-policy/key-policy-actions';
export { KMS_ACTIONS } from './key-policy/kms-actions';
export type { KmsAccessLevel } from './key-policy/kms-actions';
export { lintKeyPolicy } from './key-policy/lint-key-policy';
export type {
  KeyPolicyDiagnostic,
  KeyPolicyLintContext,
  KeyPolicyLintRule,
  LintSeverity,
} from './key-policy/lint-types';
export {
  locateJsonPointer,
  rangeOfJsonPointer,
  rangeOfStatement,
  scanJson,
} from './key-policy/json-offsets';
export type { JsonNode, JsonRange, ScanJsonResult } from './key-policy/json-offsets';
export { effectiveKeyAccess } from './key-policy/effective-key-access';
export type { EffectiveAccessOptions, KeyAccessRow } from './key-policy/effective-key-access';
export type { AccessVerdict } from './key-policy/access-verdict';
export { diffPolicies } from './key-policy/diff-policies';
export type {
  ChangedStatement,
  DiffPoliciesResult,
  PolicyDiff,
  StatementRef,
} from './key-policy/diff-policies';
