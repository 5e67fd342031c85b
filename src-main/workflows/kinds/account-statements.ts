import { statementWithoutAccount } from '../../../src-shared/policy/key-policy/without-account';
import { emit, read } from './policy-statements';

type Statement = Readonly<Record<string, unknown>>;

/** Each statement of the policy and what is left of it without the account (null: dropped). */
function changes(policy: string, accountId: string) {
  return read(policy).rawStatements.map((statement, index) => ({
    index,
    statement,
    after: statementWithoutAccount(statement, accountId),
  }));
}

/** The statements that name the account, as the user reads them: their Sid or their place. */
export function statementsNaming(policy: string, accountId: string): string[] {
  return changes(policy, accountId)
    .filter((c) => c.after !== c.statement)
    .map((c) => (typeof c.statement['Sid'] === 'string' ? c.statement['Sid'] : `#${c.index + 1}`));
}

/** The policy without the account: its principals taken out, statements left empty dropped. */
export function policyWithoutAccount(policy: string, accountId: string): string {
  const raw = read(policy);
  const kept = changes(policy, accountId).flatMap((c) => (c.after === null ? [] : [c.after]));
  return emit(raw, kept);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `current` with the statements `before` had naming the account put back as they were, where
 * they were: the versions the revoke left (fewer principals) are replaced, dropped ones return.
 * Other changes made to the policy since are kept.
 */
export function restoreAccountStatements(
  current: string,
  before: string,
  accountId: string,
): string {
  const raw = read(current);
  const altered = changes(before, accountId).filter((c) => c.after !== c.statement);
  const statements: Statement[] = [...raw.rawStatements];
  for (const change of altered) {
    if (statements.some((s) => same(s, change.statement))) continue;
    const left = change.after === null ? -1 : statements.findIndex((s) => same(s, change.after));
    if (left >= 0) statements.splice(left, 1, change.statement);
    else statements.splice(Math.min(change.index, statements.length), 0, change.statement);
  }
  return emit(raw, statements);
}
