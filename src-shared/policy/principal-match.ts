// Does a Principal / NotPrincipal element cover the caller?
//
// `direct`  — the caller is named (its ARN, its role's ARN for a session, `"*"`, its service),
//             or the caller *is* the account root that is named.
// `account` — the caller's account root is named but the caller is an IAM user/role/session:
//             in a resource policy this delegates the decision to the caller's IAM policies.
import type { Principal, PrincipalBlock } from './types';
import { normaliseAwsPrincipal } from './principal-format';

export type PrincipalMatch = 'none' | 'direct' | 'account';

const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;

function partitionOf(arn: string): string {
  return arn.split(':')[1] || 'aws';
}

export function rootArnOf(principal: Principal): string {
  return `arn:${partitionOf(principal.arn)}:iam::${principal.account}:root`;
}

function matchAwsEntry(raw: string, principal: Principal): PrincipalMatch {
  if (raw === '*') return 'direct';
  const entry = normaliseAwsPrincipal(raw);
  const root = ROOT_ARN.exec(entry);
  if (root !== null) {
    if (root[1] !== principal.account) return 'none';
    if (principal.kind === 'root') return 'direct';
    return principal.kind === 'service' || principal.kind === 'anonymous' ? 'none' : 'account';
  }
  if (principal.kind === 'service' || principal.kind === 'anonymous') return 'none';
  if (entry === principal.arn) return 'direct';
  return principal.kind === 'assumed-role' && entry === principal.roleArn ? 'direct' : 'none';
}

function best(a: PrincipalMatch, b: PrincipalMatch): PrincipalMatch {
  if (a === 'direct' || b === 'direct') return 'direct';
  return a === 'account' || b === 'account' ? 'account' : 'none';
}

/** How a `Principal` element covers the caller. */
export function matchPrincipal(block: PrincipalBlock | '*', principal: Principal): PrincipalMatch {
  if (block === '*') return 'direct';
  let result: PrincipalMatch = 'none';
  for (const entry of block.aws ?? []) result = best(result, matchAwsEntry(entry, principal));
  for (const entry of block.service ?? []) {
    if (entry === '*' || (principal.kind === 'service' && entry === principal.service))
      return 'direct';
  }
  return result;
}

/**
 * Every identity the caller acts as: a session is itself, its role and its account; a user is
 * itself and its account. AWS documents that a NotPrincipal exception holds only when all of
 * them are listed (session ARN, role ARN and account).
 */
function identitiesOf(principal: Principal): readonly string[] {
  switch (principal.kind) {
    case 'root':
      return [principal.arn];
    case 'assumed-role':
      return [
        principal.arn,
        ...(principal.roleArn === undefined ? [] : [principal.roleArn]),
        rootArnOf(principal),
      ];
    case 'service':
      return [`service:${principal.service ?? principal.arn}`];
    case 'anonymous':
      return ['anonymous'];
    default:
      return [principal.arn, rootArnOf(principal)];
  }
}

/** True when a `NotPrincipal` element applies to the caller (some identity is not excepted). */
export function notPrincipalApplies(block: PrincipalBlock | '*', principal: Principal): boolean {
  if (block === '*') return false;
  const excepted = new Set<string>();
  for (const entry of block.aws ?? [])
    excepted.add(entry === '*' ? '*aws' : normaliseAwsPrincipal(entry));
  for (const entry of block.service ?? [])
    excepted.add(entry === '*' ? '*service' : `service:${entry}`);
  return identitiesOf(principal).some((identity) => {
    if (identity.startsWith('service:'))
      return !excepted.has('*service') && !excepted.has(identity);
    return !excepted.has('*aws') && !excepted.has(identity);
  });
}
