// Key policy → visual model. Statements are understood by shape; every other statement is kept
// verbatim so that emitting the model gives back an equivalent policy.
import type { PolicyProblem } from '../types';
import { classifyStatement } from './classify-statement';
import type { KeyPolicyContext, KeyPolicyView } from './key-policy-view';
import { readRawPolicy } from './raw-policy';

export type ParseKeyPolicyViewResult =
  | { readonly ok: true; readonly view: KeyPolicyView }
  | { readonly ok: false; readonly errors: readonly PolicyProblem[] };

/** `document`: the policy text or its parsed JSON value. */
export function parseKeyPolicyView(
  document: unknown,
  context: KeyPolicyContext,
): ParseKeyPolicyViewResult {
  const read = readRawPolicy(document);
  if (!read.ok) return read;
  const { header, rawStatements, policy } = read.value;
  const sections = rawStatements.map((raw, index) => {
    const statement = policy.statements[index];
    if (statement === undefined) throw new Error('parsed and raw statements out of step');
    return classifyStatement(statement, raw, index, context);
  });
  return { ok: true, view: { context, header, sections } };
}
