// The combined decision AWS makes for one request: identity policies, a resource policy
// (a KMS key policy when it is the gatekeeper) and KMS grants.
//
// - An explicit Deny in any identity policy or in the resource policy wins.
// - Same account, ordinary resource: identity allow or resource allow suffices; the account
//   root may do anything in its own account.
// - Cross account: the resource policy must name the caller (or its account root) AND the
//   caller's identity policies must allow; a root caller needs no identity policy.
// - KMS (gatekeeper): the key policy must allow the caller directly, or allow the caller's
//   account root, which delegates to the caller's IAM policies. IAM alone never suffices,
//   not even for the root of the owning account.
// - Grants are consulted only when nothing denied explicitly; a matching grant suffices,
//   also across accounts (UNCONFIRMED in AWS's docs whether the grantee also needs an IAM
//   allow; reference §2.7 says to treat grants as sufficient).
import type {
  Authorization,
  AuthorizationInput,
  Decision,
  PolicyDocument,
  RequestContext,
} from './types';
import type { ContextLookup } from './request-context';
import {
  evaluatePolicyDetailed,
  type DetailedEvaluation,
  type StatementMatch,
} from './evaluate-policy';
import { findAllowingGrant } from './grants';
import { createContextLookup } from './request-context';

/** `AuthorizationInput` plus, for AssumeRole, the grammar of the resource policy. */
export interface AuthorizationInputWithKind extends AuthorizationInput {
  /** `trust` when the resource policy is a role trust policy (no Resource element). Default `resource`. */
  readonly resourcePolicyKind?: 'resource' | 'trust';
}

interface IdentityResult {
  readonly decision: Decision;
  readonly deny?: { readonly policy: number; readonly statement: StatementMatch };
  readonly allow?: { readonly policy: number; readonly statement: StatementMatch };
}

function evaluateIdentity(
  policies: readonly PolicyDocument[],
  request: RequestContext,
  context: ContextLookup,
): IdentityResult {
  let allow: IdentityResult['allow'];
  for (const [policy, document] of policies.entries()) {
    const result = evaluatePolicyDetailed(document, request, 'identity', context);
    const deny = result.matched.find((m) => m.effect === 'Deny');
    if (deny !== undefined) return { decision: 'explicit-deny', deny: { policy, statement: deny } };
    const allowed = result.matched.find((m) => m.effect === 'Allow');
    if (allow === undefined && allowed !== undefined) allow = { policy, statement: allowed };
  }
  return allow === undefined ? { decision: 'implicit-deny' } : { decision: 'allow', allow };
}

function statementLabel(match: StatementMatch): string {
  return match.sid === undefined || match.sid === ''
    ? `statement ${match.index + 1}`
    : `statement "${match.sid}"`;
}

function deny(decision: Decision, reason: string): Authorization {
  return { allowed: false, decision, via: 'none', reason };
}

interface DenialFacts {
  readonly policyName: string;
  readonly gatekeeper: boolean;
  readonly sameAccount: boolean;
  readonly identityAllows: boolean;
  readonly account: string;
  readonly hasPolicy: boolean;
  /** Whom the resource policy's matching Allow statements named. */
  readonly named: 'caller' | 'account' | 'nobody';
}

function whyNotAllowed(facts: DenialFacts): string {
  const { policyName, account } = facts;
  if (facts.named === 'caller') {
    return `the ${policyName} allows it, but no IAM policy of the caller in account ${account} does (cross-account access needs both)`;
  }
  if (facts.named === 'account') {
    return `the ${policyName} delegates to IAM for account ${account}, but no IAM policy of the caller allows it`;
  }
  if (!facts.hasPolicy) {
    if (facts.gatekeeper) return `there is no ${policyName}`;
    return facts.sameAccount
      ? 'no IAM policy allows it'
      : `no resource policy grants account ${account} access`;
  }
  if (!facts.gatekeeper) return `neither an IAM policy nor the ${policyName} allows it`;
  const note = facts.identityAllows ? ' (an IAM allow has no effect without that)' : '';
  return `the ${policyName} neither names the caller nor delegates to IAM for account ${account}${note}`;
}

export function authorize(input: AuthorizationInputWithKind): Authorization {
  const { request } = input;
  const { principal } = request;
  const context = createContextLookup(request);
  // A role's trust policy is a gatekeeper too: AssumeRole always needs it to allow.
  const gatekeeper =
    input.resourcePolicyIsGatekeeper === true || input.resourcePolicyKind === 'trust';
  const policyName =
    input.resourcePolicyKind === 'trust'
      ? 'trust policy'
      : gatekeeper
        ? 'key policy'
        : 'resource policy';
  const subject = `${principal.arn} is not authorized to perform ${request.action} on ${request.resource}`;

  const identity = evaluateIdentity(input.identityPolicies, request, context);
  if (identity.deny !== undefined) {
    const where = `${statementLabel(identity.deny.statement)} of IAM policy ${identity.deny.policy + 1}`;
    return deny('explicit-deny', `${subject}: explicitly denied by ${where}.`);
  }
  const resource: DetailedEvaluation | undefined =
    input.resourcePolicy === undefined
      ? undefined
      : evaluatePolicyDetailed(
          input.resourcePolicy,
          request,
          input.resourcePolicyKind ?? 'resource',
          context,
        );
  const resourceDeny = resource?.matched.find((m) => m.effect === 'Deny');
  if (resourceDeny !== undefined) {
    return deny(
      'explicit-deny',
      `${subject}: explicitly denied by ${statementLabel(resourceDeny)} of the ${policyName}.`,
    );
  }

  const identityAllows = identity.decision === 'allow';
  const needsNoIdentity =
    principal.kind === 'root' || principal.kind === 'service' || principal.kind === 'anonymous';
  const sameAccount = principal.account === input.resourceAccount;
  const direct = resource?.matched.find((m) => m.effect === 'Allow' && m.via === 'principal');
  const viaAccount = resource?.matched.find((m) => m.effect === 'Allow' && m.via === 'account');
  const allow = (via: Authorization['via'], reason: string): Authorization => ({
    allowed: true,
    decision: 'allow',
    via,
    reason,
  });

  if (direct !== undefined && (sameAccount || needsNoIdentity || identityAllows)) {
    const crossNote =
      sameAccount || needsNoIdentity ? '' : ' and the caller\u2019s IAM policy allows it';
    const via = principal.kind === 'root' ? 'root-of-account' : 'resource-policy';
    return allow(via, `Allowed by ${statementLabel(direct)} of the ${policyName}${crossNote}.`);
  }
  if (viaAccount !== undefined && identityAllows) {
    return allow(
      'identity-policy',
      `Allowed: ${statementLabel(viaAccount)} of the ${policyName} allows account ${principal.account}, and the caller\u2019s IAM policy allows it.`,
    );
  }
  if (!gatekeeper && sameAccount && principal.kind === 'root') {
    return allow('root-of-account', `Allowed: ${principal.arn} is the root of the owning account.`);
  }
  if (!gatekeeper && sameAccount && identity.allow !== undefined) {
    const { policy, statement } = identity.allow;
    return allow(
      'identity-policy',
      `Allowed by ${statementLabel(statement)} of IAM policy ${policy + 1}.`,
    );
  }

  const why = whyNotAllowed({
    policyName,
    gatekeeper,
    sameAccount,
    identityAllows,
    account: principal.account,
    hasPolicy: resource !== undefined,
    named: direct !== undefined ? 'caller' : viaAccount !== undefined ? 'account' : 'nobody',
  });
  const grant = findAllowingGrant(input.grants ?? [], request, context, identityAllows);
  if (grant !== undefined) return allow('grant', `Allowed by grant ${grant.grantId}.`);
  return deny('implicit-deny', `${subject}: ${why}.`);
}
