// Lint rule: condition keys that KMS requests never carry, which make a condition silently
// never match (or, with a negated operator, always match).
import { jsonPointer } from './json-offsets';
import { closestName } from './closest-name';
import { CONDITION_KEYS, isKnownConditionKey } from './condition-keys';
import type { LintFinding, LintSubject } from './lint-types';

function spellingHint(key: string): string {
  const suggestion = closestName(key, CONDITION_KEYS);
  return suggestion === undefined
    ? 'Check the spelling, for example kms:EncryptionContext:<name>, kms:ViaService, aws:PrincipalArn.'
    : `Did you mean ${suggestion}?`;
}

export function conditionKeyFindings(subject: LintSubject): LintFinding[] {
  return subject.raw.policy.statements.flatMap((statement, index) =>
    Object.entries(statement.condition ?? {}).flatMap(([operator, keys]) =>
      Object.keys(keys)
        .filter((key) => !isKnownConditionKey(key))
        .map((key): LintFinding => ({
          rule: 'unknown-condition-key',
          severity: 'warning',
          message: `"${key}" is not a condition key of KMS requests (kms: keys and aws: global keys). A missing key makes the condition false (true for negated operators such as StringNotEquals), so this statement will not work as written. ${spellingHint(key)}`,
          pointer: `${subject.statementPointer(index)}/Condition${jsonPointer([operator, key])}`,
          statementIndex: index,
          onKey: true,
        })),
    ),
  );
}
