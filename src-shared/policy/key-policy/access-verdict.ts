// One principal, one action: may it, given the key policy and (when known) its IAM policies?
// Each verdict comes with the policy that decided it, in words a person can check.
import type { PolicyDocument, Principal, RequestContext } from '../types';
import { authorize } from '../authorize';
import { evaluatePolicyDetailed, type StatementMatch } from '../evaluate-policy';
import { assumeConditionsHold } from './loosen-conditions';

/**
 * `conditional`: only when the statements' conditions hold (e.g. only through an AWS service);
 * `depends-on-iam`: the key policy lets the principal's account decide, and its IAM policies
 * were not given (not readable, or in another account).
 */
export type AccessVerdict = 'allowed' | 'conditional' | 'depends-on-iam' | 'denied';

export interface ExplainedVerdict {
  readonly verdict: AccessVerdict;
  /** Which policy decided: the key policy statement, the IAM policy by name, or what is missing. */
  readonly reason: string;
}

export interface NamedPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

export interface VerdictInput {
  readonly keyPolicy: PolicyDocument;
  readonly accountId: string;
  readonly keyArn: string;
  readonly principal: Principal;
  /** `undefined` when the principal's IAM policies could not be read. */
  readonly identityPolicies: readonly NamedPolicy[] | undefined;
  /** Why the IAM policies are missing, said after a "depends on IAM" verdict. */
  readonly missingIdentityNote?: string;
}

function request(input: VerdictInput, action: string): RequestContext {
  return { principal: input.principal, action, resource: input.keyArn, context: {} };
}

function needsNoIdentityPolicy(principal: Principal): boolean {
  return (
    principal.kind === 'root' || principal.kind === 'service' || principal.kind === 'anonymous'
  );
}

const statementLabel = (match: StatementMatch) =>
  match.sid === undefined || match.sid === ''
    ? `statement ${match.index + 1}`
    : `statement "${match.sid}"`;

/** The first IAM policy with a statement of `effect` for the request, named. */
function identityMatch(
  policies: readonly NamedPolicy[],
  req: RequestContext,
  effect: 'Allow' | 'Deny',
): string | undefined {
  for (const { name, document } of policies) {
    const found = evaluatePolicyDetailed(document, req, 'identity').matched.find(
      (m) => m.effect === effect,
    );
    if (found !== undefined) return `IAM policy "${name}", ${statementLabel(found)}`;
  }
  return undefined;
}

/** authorize's sentence without its "X is not authorized to perform Y on Z:" lead-in. */
function plainReason(reason: string, names: readonly string[]): string {
  const body = reason.replace(/^.* is not authorized to perform \S+ on \S+: /, '');
  const named = body
    .replaceAll('the caller', 'the principal')
    .replace(
      /IAM policy (\d+)/g,
      (whole, n: string) => `IAM policy "${names[Number(n) - 1] ?? whole}"`,
    );
  return named.charAt(0).toUpperCase() + named.slice(1);
}

function withKnownIdentity(input: VerdictInput, action: string): ExplainedVerdict {
  const identity = input.identityPolicies ?? [];
  const names = identity.map((p) => p.name);
  const decide = (keyPolicy: PolicyDocument, documents: readonly PolicyDocument[]) =>
    authorize({
      request: request(input, action),
      resourceAccount: input.accountId,
      identityPolicies: documents,
      resourcePolicy: keyPolicy,
      resourcePolicyIsGatekeeper: true,
    });
  const documents = identity.map((p) => p.document);
  const strict = decide(input.keyPolicy, documents);
  const viaIam = (reason: string, verdict: AccessVerdict, policies: readonly NamedPolicy[]) => {
    const iam = identityMatch(policies, request(input, action), 'Allow');
    return {
      verdict,
      reason: iam === undefined ? reason : `${reason.replace(/\.$/, '')} (${iam}).`,
    };
  };
  if (strict.allowed) {
    const reason = plainReason(strict.reason, names);
    return strict.via === 'identity-policy'
      ? viaIam(reason, 'allowed', identity)
      : { verdict: 'allowed', reason };
  }
  if (strict.decision === 'explicit-deny') {
    return { verdict: 'denied', reason: plainReason(strict.reason, names) };
  }
  const looseIdentity = identity.map((p) => ({ ...p, document: assumeConditionsHold(p.document) }));
  const loose = decide(
    assumeConditionsHold(input.keyPolicy),
    looseIdentity.map((p) => p.document),
  );
  if (!loose.allowed) return { verdict: 'denied', reason: plainReason(strict.reason, names) };
  const reason = `${plainReason(loose.reason, names).replace(/\.$/, '')}, when its conditions hold.`;
  return loose.via === 'identity-policy'
    ? viaIam(reason, 'conditional', looseIdentity)
    : { verdict: 'conditional', reason };
}

/** A direct allow beats one that still needs IAM, whichever needs conditions. */
function fromKeyPolicyAlone(input: VerdictInput, action: string): ExplainedVerdict {
  const sameAccount = input.principal.account === input.accountId;
  const evaluate = (keyPolicy: PolicyDocument) =>
    evaluatePolicyDetailed(keyPolicy, request(input, action), 'resource');
  const strict = evaluate(input.keyPolicy);
  const denyMatch = strict.matched.find((m) => m.effect === 'Deny');
  if (denyMatch !== undefined) {
    return {
      verdict: 'denied',
      reason: `Explicitly denied by ${statementLabel(denyMatch)} of the key policy.`,
    };
  }
  const loose = evaluate(assumeConditionsHold(input.keyPolicy));
  const direct = (result: typeof strict) =>
    sameAccount
      ? result.matched.find((m) => m.effect === 'Allow' && m.via === 'principal')
      : undefined;
  const strictDirect = direct(strict);
  if (strictDirect !== undefined) {
    return {
      verdict: 'allowed',
      reason: `Allowed by ${statementLabel(strictDirect)} of the key policy.`,
    };
  }
  const looseDirect = direct(loose);
  if (looseDirect !== undefined) {
    return {
      verdict: 'conditional',
      reason: `Allowed by ${statementLabel(looseDirect)} of the key policy, when its conditions hold.`,
    };
  }
  const anyAllow = loose.matched.find((m) => m.effect === 'Allow');
  if (loose.decision !== 'allow' || anyAllow === undefined) {
    return { verdict: 'denied', reason: 'No statement of the key policy allows it.' };
  }
  const note = input.missingIdentityNote ?? 'its IAM policies were not read';
  return {
    verdict: 'depends-on-iam',
    reason: `${statementLabel(anyAllow).replace(/^s/, 'S')} of the key policy allows it only together with an IAM policy: ${note}.`,
  };
}

export function explainAccess(input: VerdictInput, action: string): ExplainedVerdict {
  return input.identityPolicies !== undefined || needsNoIdentityPolicy(input.principal)
    ? withKnownIdentity(input, action)
    : fromKeyPolicyAlone(input, action);
}

export function accessVerdict(input: VerdictInput, action: string): AccessVerdict {
  return explainAccess(input, action).verdict;
}

const RANK: readonly AccessVerdict[] = ['denied', 'depends-on-iam', 'conditional', 'allowed'];

/** The most access any of the verdicts gives. */
export function bestVerdict(verdicts: readonly AccessVerdict[]): AccessVerdict {
  return verdicts.reduce<AccessVerdict>(
    (best, verdict) => (RANK.indexOf(verdict) > RANK.indexOf(best) ? verdict : best),
    'denied',
  );
}
