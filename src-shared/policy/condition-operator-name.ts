// Condition operator names: `[ForAllValues:|ForAnyValue:]<Base>[IfExists]`.
// UNCONFIRMED: whether AWS accepts operator names in another letter case; we accept any case
// (the linter still flags unknown operators) and canonicalise to AWS's spelling.

export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

export type BaseOperator = (typeof BASE_OPERATORS)[number];
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorName {
  readonly qualifier?: SetQualifier;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}

const BY_LOWER = new Map<string, BaseOperator>(BASE_OPERATORS.map((op) => [op.toLowerCase(), op]));
const QUALIFIERS: readonly SetQualifier[] = ['ForAllValues', 'ForAnyValue'];
const IF_EXISTS = 'ifexists';

/** Parses an operator name; `undefined` when it is not one AWS knows. */
export function parseOperatorName(name: string): OperatorName | undefined {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  for (const q of QUALIFIERS) {
    if (rest.toLowerCase().startsWith(`${q.toLowerCase()}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  let ifExists = false;
  let base = BY_LOWER.get(rest.toLowerCase());
  if (base === undefined && rest.toLowerCase().endsWith(IF_EXISTS)) {
    ifExists = true;
    base = BY_LOWER.get(rest.slice(0, -IF_EXISTS.length).toLowerCase());
  }
  if (base === undefined) return undefined;
  // `Null` tests existence itself: it takes neither IfExists nor a set qualifier.
  if (base === 'Null' && (ifExists || qualifier !== undefined)) return undefined;
  return qualifier === undefined ? { base, ifExists } : { qualifier, base, ifExists };
}
