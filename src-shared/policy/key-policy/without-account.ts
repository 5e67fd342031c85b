// A key policy statement with another account taken out of it, for revoking what was shared
// with that account. Only Allow statements change: a Deny naming the account keeps it out, and
// taking it away would widen access.
import { isRecord } from '../parse-values';
import { normaliseAwsPrincipal } from '../principal-format';

type Statement = Readonly<Record<string, unknown>>;

/** Condition keys whose values name an account, or a principal ARN in one. */
const ACCOUNT_KEYS = /^(kms:calleraccount|aws:principalaccount|aws:principalarn|aws:sourcearn)$/i;

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value]);

/** The account id itself, its root, or any principal ARN of it (user, role, assumed role). */
export function namesAccount(entry: unknown, accountId: string): boolean {
  if (typeof entry !== 'string') return false;
  if (entry === accountId) return true;
  return new RegExp(`^arn:aws[a-z-]*:(?:iam|sts)::${accountId}:`).test(
    normaliseAwsPrincipal(entry),
  );
}

/** `Principal` without the account's entries; null when nothing is left of it. */
function principalWithout(principal: unknown, accountId: string): unknown {
  if (!isRecord(principal) || principal['AWS'] === undefined) return principal;
  const kept = list(principal['AWS']).filter((entry) => !namesAccount(entry, accountId));
  const { AWS: _aws, ...others } = principal;
  if (kept.length === 0) return Object.keys(others).length === 0 ? null : others;
  return { ...others, AWS: kept.length === 1 ? kept[0] : kept };
}

/** `Condition` without the account's values under positive operators; null when a key empties. */
function conditionWithout(condition: unknown, accountId: string): unknown {
  if (!isRecord(condition)) return condition;
  const out: Record<string, unknown> = {};
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block) || /Not/.test(operator)) {
      out[operator] = block;
      continue;
    }
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(block)) {
      if (!ACCOUNT_KEYS.test(key)) {
        next[key] = value;
        continue;
      }
      const kept = list(value).filter((entry) => !namesAccount(entry, accountId));
      // The statement allowed only that account: nothing of it is left to allow.
      if (kept.length === 0) return null;
      next[key] = Array.isArray(value) ? kept : kept[0];
    }
    out[operator] = next;
  }
  return out;
}

/**
 * The statement as it reads without `accountId`: the same object when it does not name the
 * account, null when nothing would be left of it (its only principals, or its only allowed
 * caller account, were that account's).
 */
export function statementWithoutAccount(statement: Statement, accountId: string): Statement | null {
  if (statement['Effect'] !== 'Allow' || statement['NotPrincipal'] !== undefined) return statement;
  const principal = principalWithout(statement['Principal'], accountId);
  if (principal === null) return null;
  const condition =
    statement['Condition'] === undefined
      ? undefined
      : conditionWithout(statement['Condition'], accountId);
  if (condition === null) return null;
  const changed =
    JSON.stringify(principal) !== JSON.stringify(statement['Principal']) ||
    JSON.stringify(condition) !== JSON.stringify(statement['Condition']);
  if (!changed) return statement;
  return {
    ...statement,
    Principal: principal,
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}
