// Lint rules on the text as a whole: JSON syntax, the policy grammar, what else KMS validates,
// and the 32 KB size limit. These are the reasons PutKeyPolicy would refuse the text outright.
import { parsePolicy } from '../parse-policy';
import { MAX_KEY_POLICY_BYTES, utf8Length, validateKeyPolicy } from '../validate-key-policy';
import type { KeyPolicyDiagnostic, KeyPolicyLintContext } from './lint-types';
import { locateJsonPointer, type JsonNode } from './json-offsets';
import { problemPathToPointer } from './problem-pointer';

export function sizeDiagnostics(text: string): KeyPolicyDiagnostic[] {
  const bytes = utf8Length(text);
  if (bytes <= MAX_KEY_POLICY_BYTES) return [];
  // The first character past the limit: underline what has to go.
  let from = 0;
  for (let used = 0; from < text.length; from += 1) {
    used += utf8Length(text.charAt(from));
    if (used > MAX_KEY_POLICY_BYTES) break;
  }
  return [
    {
      rule: 'size-limit',
      severity: 'error',
      message: `The policy is ${bytes} bytes; KMS accepts at most ${MAX_KEY_POLICY_BYTES} bytes (UTF-8) and refuses it with LimitExceededException. Shorten it: merge statements that share principals and conditions, drop whitespace, or move per-user access to IAM policies.`,
      pointer: '',
      from,
      to: text.length,
    },
  ];
}

export function grammarDiagnostics(root: JsonNode, value: unknown): KeyPolicyDiagnostic[] {
  const parsed = parsePolicy(value, 'resource');
  if (parsed.ok) return [];
  return parsed.errors.map((problem) => {
    const pointer = problemPathToPointer(problem.path, value);
    const statement = /^\/Statement\/(\d+)/.exec(pointer);
    return {
      rule: 'policy-grammar',
      severity: 'error',
      message: `${problem.message} KMS refuses a policy that breaks the policy grammar (MalformedPolicyDocumentException).`,
      pointer,
      ...(statement?.[1] === undefined ? {} : { statementIndex: Number(statement[1]) }),
      ...locateJsonPointer(root, pointer),
    };
  });
}

const OUTSIDE_LATIN1 = /[^\t\n\r\u0020-\u007e\u00a1-\u00ff]/;

/** What validateKeyPolicy refuses beyond grammar and size: characters, principals, ForAllValues. */
export function kmsValidationDiagnostics(
  text: string,
  context: KeyPolicyLintContext,
): KeyPolicyDiagnostic[] {
  const result = validateKeyPolicy(text, context.principalExists ?? (() => true));
  if (result.ok || result.code !== 'MalformedPolicyDocumentException') return [];
  const character = OUTSIDE_LATIN1.exec(text);
  const from = character?.index ?? 0;
  return [
    {
      rule: 'kms-validation',
      severity: 'error',
      message: `KMS would refuse this policy: ${result.message}`,
      pointer: '',
      from,
      to: character === null ? text.length : from + character[0].length,
    },
  ];
}
