// The policy as raw JSON next to its parsed model, so statements the editor does not manage can
// be handed back exactly as written.
import type { PolicyDocument, PolicyProblem } from '../types';
import { parsePolicy } from '../parse-policy';
import { isRecord } from '../parse-values';

export interface RawPolicy {
  /** Top-level members other than `Statement`, as written. */
  readonly header: Readonly<Record<string, unknown>>;
  readonly rawStatements: readonly Readonly<Record<string, unknown>>[];
  /** `Statement` was a single object rather than an array. */
  readonly singleStatement: boolean;
  readonly policy: PolicyDocument;
}

export type ReadRawPolicyResult =
  | { readonly ok: true; readonly value: RawPolicy }
  | { readonly ok: false; readonly errors: readonly PolicyProblem[] };

/** Text or an already parsed JSON value; fails with the parser's problems when invalid. */
export function readRawPolicy(input: unknown): ReadRawPolicyResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        errors: [{ path: '', message: `The policy is not valid JSON: ${detail}` }],
      };
    }
  }
  const parsed = parsePolicy(value, 'resource');
  if (!parsed.ok) return parsed;
  if (!isRecord(value)) return { ok: false, errors: [{ path: '', message: 'Not an object.' }] };
  const { Statement: statement, ...header } = value;
  const singleStatement = isRecord(statement);
  const list: readonly unknown[] = Array.isArray(statement) ? statement : [statement];
  return {
    ok: true,
    value: { header, rawStatements: list.filter(isRecord), singleStatement, policy: parsed.policy },
  };
}
