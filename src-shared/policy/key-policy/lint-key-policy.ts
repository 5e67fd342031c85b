// The key-policy lint behind the JSON editor: what KMS would refuse (syntax, grammar, size,
// lockout) and what is probably a mistake, each placed in the text for an underline.
import { readRawPolicy } from './raw-policy';
import { locateJsonPointer, scanJson } from './json-offsets';
import { accountControlFindings, lockoutFindings } from './lint-control';
import { conditionKeyFindings } from './lint-condition-keys';
import {
  grammarDiagnostics,
  kmsValidationDiagnostics,
  sizeDiagnostics,
} from './lint-document-rules';
import {
  actionNameFindings,
  fullAccessForUsersFindings,
  wildcardPrincipalFindings,
} from './lint-statement-rules';
import type { KeyPolicyDiagnostic, KeyPolicyLintContext, LintSubject } from './lint-types';

const STATEMENT_RULES = [
  wildcardPrincipalFindings,
  lockoutFindings,
  accountControlFindings,
  fullAccessForUsersFindings,
  actionNameFindings,
  conditionKeyFindings,
];

export function lintKeyPolicy(text: string, context: KeyPolicyLintContext): KeyPolicyDiagnostic[] {
  const size = sizeDiagnostics(text);
  const scanned = scanJson(text);
  if (!scanned.ok) {
    const syntax: KeyPolicyDiagnostic = {
      rule: 'json-syntax',
      severity: 'error',
      message: `The policy is not valid JSON: ${scanned.message} Fix the text at the mark; KMS only accepts JSON.`,
      pointer: '',
      from: scanned.offset,
      to: Math.min(scanned.offset + 1, text.length),
    };
    return [syntax, ...size];
  }
  const value = JSON.parse(text) as unknown;
  const grammar = grammarDiagnostics(scanned.root, value);
  if (grammar.length > 0) return [...grammar, ...size];
  const raw = readRawPolicy(value);
  if (!raw.ok) return size;
  const subject: LintSubject = {
    raw: raw.value,
    context,
    statementPointer: (index) => (raw.value.singleStatement ? '/Statement' : `/Statement/${index}`),
  };
  const findings = STATEMENT_RULES.flatMap((rule) => rule(subject)).map((finding) => ({
    ...finding,
    ...locateJsonPointer(scanned.root, finding.pointer, { key: finding.onKey === true }),
  }));
  return [...size, ...kmsValidationDiagnostics(text, context), ...findings];
}
