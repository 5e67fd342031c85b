// One principal, one action: may it, given the key policy and (when known) its IAM policies?
import type { PolicyDocument, Principal, RequestContext } from '../types';
import { authorize } from '../authorize';
import { evaluatePolicyDetailed } from '../evaluate-policy';
import { assumeConditionsHold } from './loosen-conditions';

/**
 * `conditional`: only when the statements' conditions hold (e.g. only through an AWS service);
 * `depends-on-iam`: the key policy lets the principal's account decide, and its IAM policies
 * were not given.
 */
export type AccessVerdict = 'allowed' | 'conditional' | 'depends-on-iam' | 'denied';

export interface VerdictInput {
  readonly keyPolicy: PolicyDocument;
  readonly accountId: string;
  readonly keyArn: string;
  readonly principal: Principal;
  /** `undefined` when the principal's IAM policies could not be read. */
  readonly identityPolicies: readonly PolicyDocument[] | undefined;
}

function request(input: VerdictInput, action: string): RequestContext {
  return { principal: input.principal, action, resource: input.keyArn, context: {} };
}

function needsNoIdentityPolicy(principal: Principal): boolean {
  return (
    principal.kind === 'root' || principal.kind === 'service' || principal.kind === 'anonymous'
  );
}

function withKnownIdentity(input: VerdictInput, action: string): AccessVerdict {
  const decide = (keyPolicy: PolicyDocument, identityPolicies: readonly PolicyDocument[]) =>
    authorize({
      request: request(input, action),
      resourceAccount: input.accountId,
      identityPolicies,
      resourcePolicy: keyPolicy,
      resourcePolicyIsGatekeeper: true,
    });
  const identity = input.identityPolicies ?? [];
  const strict = decide(input.keyPolicy, identity);
  if (strict.allowed) return 'allowed';
  if (strict.decision === 'explicit-deny') return 'denied';
  const loose = decide(assumeConditionsHold(input.keyPolicy), identity.map(assumeConditionsHold));
  return loose.allowed ? 'conditional' : 'denied';
}

/** A direct allow beats one that still needs IAM, whichever needs conditions. */
function fromKeyPolicyAlone(input: VerdictInput, action: string): AccessVerdict {
  const sameAccount = input.principal.account === input.accountId;
  const evaluate = (keyPolicy: PolicyDocument) =>
    evaluatePolicyDetailed(keyPolicy, request(input, action), 'resource');
  const strict = evaluate(input.keyPolicy);
  if (strict.decision === 'explicit-deny') return 'denied';
  const loose = evaluate(assumeConditionsHold(input.keyPolicy));
  const direct = (result: typeof strict) =>
    sameAccount && result.matched.some((m) => m.effect === 'Allow' && m.via === 'principal');
  if (direct(strict)) return 'allowed';
  if (direct(loose)) return 'conditional';
  return loose.decision === 'allow' ? 'depends-on-iam' : 'denied';
}

export function accessVerdict(input: VerdictInput, action: string): AccessVerdict {
  return input.identityPolicies !== undefined || needsNoIdentityPolicy(input.principal)
    ? withKnownIdentity(input, action)
    : fromKeyPolicyAlone(input, action);
}

const RANK: readonly AccessVerdict[] = ['denied', 'depends-on-iam', 'conditional', 'allowed'];

/** The most access any of the verdicts gives. */
export function bestVerdict(verdicts: readonly AccessVerdict[]): AccessVerdict {
  return verdicts.reduce<AccessVerdict>(
    (best, verdict) => (RANK.indexOf(verdict) > RANK.indexOf(best) ? verdict : best),
    'denied',
  );
}
