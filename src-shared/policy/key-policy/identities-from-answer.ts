// keys.principalPolicies' answer as effectiveKeyAccess takes it, and the principals to ask about.
import type { PrincipalPolicies } from '../../models/principal-policies';
import { parsePolicy } from '../parse-policy';
import type { PolicyDocument } from '../types';
import type { NamedPolicy } from './access-verdict';
import type { EffectiveAccessOptions, PrincipalIdentity } from './effective-key-access';
import { accountOfRoot } from './principal-list';

/** The AWS principals a key policy names, and whether it trusts `accountId`'s root. */
export function namedPrincipals(
  keyPolicy: PolicyDocument,
  accountId: string,
): { readonly arns: readonly string[]; readonly trustsAccountRoot: boolean } {
  const all = keyPolicy.statements.flatMap((s) =>
    s.principal === undefined || s.principal === '*' ? [] : (s.principal.aws ?? []),
  );
  const arns = [...new Set(all.filter((arn) => arn.startsWith('arn:') && !arn.endsWith(':root')))];
  return {
    arns: arns.sort(),
    trustsAccountRoot: all.some((entry) => accountOfRoot(entry) === accountId),
  };
}

function identityOf(entry: PrincipalPolicies['principals'][number]): PrincipalIdentity {
  if (entry.policies === null) {
    return { status: 'unreadable', reason: entry.reason ?? 'not readable with this profile' };
  }
  const policies: NamedPolicy[] = [];
  for (const policy of entry.policies) {
    const parsed = parsePolicy(policy.document, 'identity');
    if (!parsed.ok) {
      return {
        status: 'unreadable',
        reason: `IAM policy "${policy.name}" is not a policy Keyward can evaluate`,
      };
    }
    policies.push({ name: policy.name, document: parsed.policy });
  }
  return { status: 'read', policies };
}

export function identitiesFromAnswer(
  answer: PrincipalPolicies,
): Pick<EffectiveAccessOptions, 'identities' | 'accountPrincipals'> {
  return {
    identities: Object.fromEntries(answer.principals.map((p) => [p.arn, identityOf(p)])),
    accountPrincipals: answer.principals.filter((p) => p.source === 'account').map((p) => p.arn),
  };
}
