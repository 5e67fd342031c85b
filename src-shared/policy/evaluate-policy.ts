// Evaluates one policy document against one request: explicit deny wins, then any allow,
// otherwise implicit deny.
import type {
  Decision,
  Evaluation,
  MatchedStatement,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  RequestContext,
} from './types';
import { matchesArn } from './arn-match';
import { evaluateCondition } from './evaluate-condition';
import { substituteVariables, variablesEnabled } from './policy-variables';
import { matchPrincipal, notPrincipalApplies, type PrincipalMatch } from './principal-match';
import { createContextLookup, type ContextLookup } from './request-context';
import { matchesWildcard } from './wildcard';

export interface StatementMatch extends MatchedStatement {
  /** `account`: matched only because the caller's account root is named (delegation to IAM). */
  readonly via: 'principal' | 'account';
}

export interface DetailedEvaluation extends Evaluation {
  readonly matched: readonly StatementMatch[];
}

interface Scope {
  readonly request: RequestContext;
  readonly kind: PolicyKind;
  readonly context: ContextLookup;
  readonly variables: boolean;
}

function matchesAction(statement: PolicyStatement, action: string): boolean {
  const any = (patterns: readonly string[]): boolean =>
    patterns.some((pattern) => matchesWildcard(pattern, action, true));
  if (statement.action !== undefined) return any(statement.action);
  if (statement.notAction !== undefined) return !any(statement.notAction);
  return false; // a statement without Action/NotAction is ineffective
}

function matchesResource(statement: PolicyStatement, scope: Scope): boolean {
  if (scope.kind === 'trust') return true; // the resource is the role itself
  const any = (patterns: readonly string[]): boolean =>
    patterns.some((raw) => {
      const pattern = scope.variables ? substituteVariables(raw, scope.context) : raw;
      return pattern !== undefined && matchesArn(pattern, scope.request.resource);
    });
  if (statement.resource !== undefined) return any(statement.resource);
  if (statement.notResource !== undefined) return !any(statement.notResource);
  return false; // a statement without Resource/NotResource is ineffective
}

function principalMatch(statement: PolicyStatement, scope: Scope): PrincipalMatch {
  if (scope.kind === 'identity') return 'direct'; // the policy's holder is the caller
  const { principal } = scope.request;
  if (statement.principal !== undefined) return matchPrincipal(statement.principal, principal);
  if (statement.notPrincipal !== undefined) {
    return notPrincipalApplies(statement.notPrincipal, principal) ? 'direct' : 'none';
  }
  return 'none';
}

function decide(matched: readonly StatementMatch[]): Decision {
  if (matched.some((m) => m.effect === 'Deny')) return 'explicit-deny';
  return matched.some((m) => m.effect === 'Allow') ? 'allow' : 'implicit-deny';
}

/**
 * A Deny statement that names an account root applies to every principal of that account
 * (not only to the root): deny wins whichever way the caller is covered.
 *
 * Like evaluatePolicy, but tells for each matched statement whether the caller was named
 * (`principal`) or only its account root was (`account`).
 */
export function evaluatePolicyDetailed(
  policy: PolicyDocument,
  request: RequestContext,
  kind: PolicyKind,
  context: ContextLookup = createContextLookup(request),
): DetailedEvaluation {
  const scope: Scope = { request, kind, context, variables: variablesEnabled(policy.version) };
  const matched: StatementMatch[] = [];
  policy.statements.forEach((statement, index) => {
    const who = principalMatch(statement, scope);
    if (who === 'none') return;
    if (!matchesAction(statement, request.action) || !matchesResource(statement, scope)) return;
    if (statement.condition !== undefined) {
      if (!evaluateCondition(statement.condition, { context, variables: scope.variables })) return;
    }
    matched.push({
      ...(statement.sid === undefined ? {} : { sid: statement.sid }),
      index,
      effect: statement.effect,
      via: who === 'account' ? 'account' : 'principal',
    });
  });
  return { decision: decide(matched), matched };
}

/**
 * Evaluates one policy on its own. In a resource or trust policy, a statement naming the
 * caller's account root counts as matching (it allows the *account*; whether the account
 * passes that on is decided by its IAM policies — see `authorize`, which combines both).
 */
export function evaluatePolicy(
  policy: PolicyDocument,
  request: RequestContext,
  kind: PolicyKind,
): Evaluation {
  const { decision, matched } = evaluatePolicyDetailed(policy, request, kind);
  return { decision, matched: matched.map(({ via: _via, ...rest }) => rest) };
}
