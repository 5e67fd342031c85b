// The policy model shared by the sandbox (which enforces access with it) and the app
// (which previews and lints policies). Field names are camelCase; AWS's JSON element names
// (`Effect`, `Principal`, ...) only appear in parse-policy.ts and serialize-policy.ts.

/** Which grammar a document follows: IAM identity policy, resource (key) policy, or role trust policy. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

/**
 * A `Principal`/`NotPrincipal` object with every value normalised to an array.
 * `aws` holds account ids, root/user/role/assumed-role ARNs or `"*"`; `service` holds service
 * principals such as `ec2.amazonaws.com`.
 */
export interface PrincipalBlock {
  readonly aws?: readonly string[];
  readonly service?: readonly string[];
  readonly federated?: readonly string[];
  readonly canonicalUser?: readonly string[];
}

/**
 * `{ "<Operator>": { "<key>": [values] } }` with values normalised to strings
 * (JSON `true` becomes `"true"`, `5` becomes `"5"`). The operator keeps its qualifier and
 * suffix as written, e.g. `ForAnyValue:StringLikeIfExists`.
 */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalBlock | '*';
  readonly notPrincipal?: PrincipalBlock | '*';
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly version?: string;
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
}

/** One structural problem, e.g. `{ path: 'Statement[1].Principal', message: '...' }`. */
export interface PolicyProblem {
  readonly path: string;
  readonly message: string;
}

export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly errors: readonly PolicyProblem[] };

export type ContextValue = string | number | boolean | readonly string[];

export interface Principal {
  readonly arn: string;
  readonly account: string;
  readonly kind: 'root' | 'user' | 'assumed-role' | 'role' | 'service' | 'anonymous';
  /** For assumed-role sessions: `arn:aws:iam::ACCT:role/NAME`. */
  readonly roleArn?: string;
  /** For AWS service principals, e.g. `ec2.amazonaws.com`. */
  readonly service?: string;
}

/**
 * The request being authorised. Context keys are AWS's own names and are looked up
 * case-insensitively (`kms:CallerAccount`, `kms:EncryptionContext:Dept`, `aws:CurrentTime`, ...).
 */
export interface RequestContext {
  readonly principal: Principal;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextValue | undefined>>;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface MatchedStatement {
  readonly sid?: string;
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
}

export interface Evaluation {
  readonly decision: Decision;
  readonly matched: readonly MatchedStatement[];
}

export interface GrantForEvaluation {
  readonly grantId: string;
  readonly granteePrincipal: string;
  /** Grant operations without the `kms:` prefix: `Decrypt`, `CreateGrant`, ... */
  readonly operations: readonly string[];
  readonly constraints?: {
    readonly encryptionContextSubset?: Readonly<Record<string, string>>;
    readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  };
}

export interface AuthorizationInput {
  readonly request: RequestContext;
  /** Account that owns the resource. */
  readonly resourceAccount: string;
  /** The caller's IAM policies (user inline / role inline); empty for root. */
  readonly identityPolicies: readonly PolicyDocument[];
  /** E.g. a KMS key policy. */
  readonly resourcePolicy?: PolicyDocument;
  /**
   * True for KMS keys: the key policy must allow the principal, or allow the account (root)
   * which then delegates to IAM policies.
   */
  readonly resourcePolicyIsGatekeeper?: boolean;
  /** KMS grants on the key. */
  readonly grants?: readonly GrantForEvaluation[];
}

export interface Authorization {
  readonly allowed: boolean;
  readonly decision: Decision;
  readonly via: 'root-of-account' | 'identity-policy' | 'resource-policy' | 'grant' | 'none';
  /** Human sentence: which policy denied, or why nothing allowed. */
  readonly reason: string;
}
