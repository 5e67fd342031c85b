// Statement-level differences between two key policies, for the diff before save and for
// highlighting the statement a workflow adds. Statements pair up first by equal meaning, then
// by Sid; whatever is left was removed or added.
import { isRecord } from '../parse-values';
import { canonicalElements, canonicalStatement } from './canonical-statement';

export interface StatementRef {
  readonly index: number;
  readonly sid?: string;
  readonly statement: unknown;
}

export interface ChangedStatement {
  readonly before: StatementRef;
  readonly after: StatementRef;
  /** Element names whose meaning differs: `Principal`, `Action`, `Condition`, ... */
  readonly elements: readonly string[];
}

export interface PolicyDiff {
  readonly added: readonly StatementRef[];
  readonly removed: readonly StatementRef[];
  readonly changed: readonly ChangedStatement[];
  /** Pairs of indices (before, after) of statements that mean the same. */
  readonly unchanged: readonly (readonly [number, number])[];
  /** Top-level members other than Statement that differ (`Version`, `Id`). */
  readonly header: readonly string[];
}

export type DiffPoliciesResult =
  | { readonly ok: true; readonly diff: PolicyDiff }
  | { readonly ok: false; readonly message: string };

function readDocument(input: unknown): Readonly<Record<string, unknown>> | string {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return isRecord(value) ? value : 'The policy must be a JSON object.';
}

function statementsOf(document: Readonly<Record<string, unknown>>): readonly unknown[] {
  const statement = document['Statement'];
  if (statement === undefined) return [];
  return Array.isArray(statement) ? statement : [statement];
}

function ref(statement: unknown, index: number): StatementRef {
  const sid =
    isRecord(statement) && typeof statement['Sid'] === 'string' ? statement['Sid'] : undefined;
  return { index, ...(sid === undefined || sid === '' ? {} : { sid }), statement };
}

function changedElements(before: unknown, after: unknown): string[] {
  const a = canonicalElements(before);
  const b = canonicalElements(after);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((name) => a[name] !== b[name]);
}

function headerChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter(
    (name) => name !== 'Statement' && JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
}

/** `before` and `after`: policy texts or parsed JSON values. */
export function diffPolicies(before: unknown, after: unknown): DiffPoliciesResult {
  const old = readDocument(before);
  const next = readDocument(after);
  if (typeof old === 'string') return { ok: false, message: `Before: ${old}` };
  if (typeof next === 'string') return { ok: false, message: `After: ${next}` };
  const left = statementsOf(old).map(ref);
  const right = statementsOf(next).map(ref);
  const leftKeys = left.map((r) => canonicalStatement(r.statement));
  const taken = new Set<number>();
  const unchanged: (readonly [number, number])[] = [];
  const unmatched: StatementRef[] = [];
  right.forEach((r) => {
    const key = canonicalStatement(r.statement);
    const match = leftKeys.findIndex((candidate, i) => !taken.has(i) && candidate === key);
    if (match < 0) return unmatched.push(r);
    taken.add(match);
    unchanged.push([match, r.index]);
  });
  const changed: ChangedStatement[] = [];
  const added: StatementRef[] = [];
  for (const r of unmatched) {
    const match = left.find((l) => !taken.has(l.index) && l.sid !== undefined && l.sid === r.sid);
    if (match === undefined) {
      added.push(r);
      continue;
    }
    taken.add(match.index);
    changed.push({
      before: match,
      after: r,
      elements: changedElements(match.statement, r.statement),
    });
  }
  const removed = left.filter((l) => !taken.has(l.index));
  return {
    ok: true,
    diff: { added, removed, changed, unchanged, header: headerChanges(old, next) },
  };
}
