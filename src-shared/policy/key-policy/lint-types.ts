// What the key-policy lint reports, and what each rule gets to look at.
import type { PolicyDocument } from '../types';
import type { RawPolicy } from './raw-policy';

export type LintSeverity = 'error' | 'warning';

export type KeyPolicyLintRule =
  | 'json-syntax'
  | 'policy-grammar'
  | 'kms-validation'
  | 'size-limit'
  | 'wildcard-principal'
  | 'lockout'
  | 'account-not-in-control'
  | 'full-access-for-users'
  | 'unknown-action'
  | 'non-kms-action'
  | 'unknown-condition-key';

/** A finding before it is placed in the text: `pointer` is an RFC 6901 JSON pointer. */
export interface LintFinding {
  readonly rule: KeyPolicyLintRule;
  /** `error`: KMS refuses the policy or it is unsafe to save; `warning`: probably a mistake. */
  readonly severity: LintSeverity;
  /** What is wrong, why it matters, and how to fix it. */
  readonly message: string;
  readonly pointer: string;
  readonly statementIndex?: number;
  /** Underline the property name rather than its value (condition keys). */
  readonly onKey?: boolean;
}

export interface KeyPolicyDiagnostic extends LintFinding {
  /** Character offsets in the linted text, for CodeMirror's `Diagnostic.from/to`. */
  readonly from: number;
  readonly to: number;
}

export interface KeyPolicyLintContext {
  readonly accountId: string;
  /** Before the key exists (create-key wizard), any key ARN of the account will do. */
  readonly keyArn: string;
  /** Who will call PutKeyPolicy (GetCallerIdentity's ARN); enables the lockout check. */
  readonly callerArn?: string;
  /** The caller's IAM policies, when readable; the lockout check then takes them into account. */
  readonly callerIdentityPolicies?: readonly PolicyDocument[];
  /** Whether an IAM principal exists; without it, every principal is assumed to exist. */
  readonly principalExists?: (arn: string) => boolean;
}

/** A policy that parsed: its raw JSON and model, and where each statement sits. */
export interface LintSubject {
  readonly raw: RawPolicy;
  readonly context: KeyPolicyLintContext;
  /** `/Statement/3`, or `/Statement` when `Statement` is a single object. */
  readonly statementPointer: (index: number) => string;
}
