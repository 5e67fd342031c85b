// What each base condition operator compares. A negated operator (`StringNotEquals`,
// `NotIpAddress`, ...) is stored as its positive test plus `negated`: the values in the policy
// are then combined with NOR instead of OR.
import type { BaseOperator } from './condition-operator-name';
import { matchesArn } from './arn-match';
import { ipInCidr } from './ip-address';
import { matchesWildcard } from './wildcard';

export interface OperatorSpec {
  readonly negated: boolean;
  /** Policy values may contain policy variables (string and ARN operators). */
  readonly variables: boolean;
  readonly test: (requestValue: string, policyValue: string) => boolean;
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** ISO-8601 or epoch seconds. */
function parseDate(text: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}

type Compare = (a: number, b: number) => boolean;

function byValue(parse: (text: string) => number | undefined, compare: Compare) {
  return (requestValue: string, policyValue: string): boolean => {
    const a = parse(requestValue);
    const b = parse(policyValue);
    return a !== undefined && b !== undefined && compare(a, b);
  };
}

const eq: Compare = (a, b) => a === b;
const lt: Compare = (a, b) => a < b;
const le: Compare = (a, b) => a <= b;
const gt: Compare = (a, b) => a > b;
const ge: Compare = (a, b) => a >= b;

const stringEquals = (a: string, b: string): boolean => a === b;
const stringEqualsIgnoreCase = (a: string, b: string): boolean =>
  a.toLowerCase() === b.toLowerCase();
const stringLike = (a: string, b: string): boolean => matchesWildcard(b, a);
const arnLike = (a: string, b: string): boolean => matchesArn(b, a);

const spec = (test: OperatorSpec['test'], negated = false, variables = false): OperatorSpec => ({
  test,
  negated,
  variables,
});

/** `Null` is handled by the evaluator itself (it tests presence, not values). */
export const OPERATORS: Readonly<Record<Exclude<BaseOperator, 'Null'>, OperatorSpec>> = {
  StringEquals: spec(stringEquals, false, true),
  StringNotEquals: spec(stringEquals, true, true),
  StringEqualsIgnoreCase: spec(stringEqualsIgnoreCase, false, true),
  StringNotEqualsIgnoreCase: spec(stringEqualsIgnoreCase, true, true),
  StringLike: spec(stringLike, false, true),
  StringNotLike: spec(stringLike, true, true),
  NumericEquals: spec(byValue(parseNumber, eq)),
  NumericNotEquals: spec(byValue(parseNumber, eq), true),
  NumericLessThan: spec(byValue(parseNumber, lt)),
  NumericLessThanEquals: spec(byValue(parseNumber, le)),
  NumericGreaterThan: spec(byValue(parseNumber, gt)),
  NumericGreaterThanEquals: spec(byValue(parseNumber, ge)),
  DateEquals: spec(byValue(parseDate, eq)),
  DateNotEquals: spec(byValue(parseDate, eq), true),
  DateLessThan: spec(byValue(parseDate, lt)),
  DateLessThanEquals: spec(byValue(parseDate, le)),
  DateGreaterThan: spec(byValue(parseDate, gt)),
  DateGreaterThanEquals: spec(byValue(parseDate, ge)),
  Bool: spec(stringEqualsIgnoreCase),
  BinaryEquals: spec(stringEquals),
  IpAddress: spec((a, b) => ipInCidr(a, b)),
  NotIpAddress: spec((a, b) => ipInCidr(a, b), true),
  // AWS documents ArnEquals and ArnLike identically: both honour wildcards per segment.
  ArnEquals: spec(arnLike, false, true),
  ArnLike: spec(arnLike, false, true),
  ArnNotEquals: spec(arnLike, true, true),
  ArnNotLike: spec(arnLike, true, true),
};
