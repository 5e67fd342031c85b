// Lint rules that look at one statement at a time: wildcard principals, full access for key
// users, and action names.
import type { PolicyStatement } from '../types';
import { isAccountRoot } from './classify-statement';
import { closestName } from './closest-name';
import { isKnownKmsAction, KMS_ACTIONS, kmsActionsMatching } from './kms-actions';
import type { LintFinding, LintSubject } from './lint-types';

const KMS_ACTION_NAMES = Object.keys(KMS_ACTIONS).map((name) => `kms:${name}`);
const ALL_KMS_ACTIONS = KMS_ACTION_NAMES.length;

function awsPrincipals(statement: PolicyStatement): readonly string[] {
  const principal = statement.principal;
  if (principal === undefined) return [];
  return principal === '*' ? ['*'] : (principal.aws ?? []);
}

/** `"*"`, `{"AWS": "*"}`, or NotPrincipal in an Allow (everyone but a few). */
function isWildcardPrincipal(statement: PolicyStatement): boolean {
  return awsPrincipals(statement).includes('*') || statement.notPrincipal !== undefined;
}

export function wildcardPrincipalFindings(subject: LintSubject): LintFinding[] {
  return subject.raw.policy.statements.flatMap((statement, index) => {
    if (statement.effect !== 'Allow' || statement.condition !== undefined) return [];
    if (!isWildcardPrincipal(statement)) return [];
    return [
      {
        rule: 'wildcard-principal',
        severity: 'error',
        message:
          'This statement allows any principal ("*") without a condition. Every AWS account, and every user and role whose own IAM policy allows it, gets these permissions on the key. Name the principals, or add a condition such as "StringEquals": {"kms:CallerAccount": "<account id>"}.',
        pointer: `${subject.statementPointer(index)}/${statement.notPrincipal === undefined ? 'Principal' : 'NotPrincipal'}`,
        statementIndex: index,
      },
    ];
  });
}

/** A pattern that covers every KMS action (`kms:*`, `*`, `kms:*Key*`-style patterns do not). */
function coversAllKmsActions(pattern: string): boolean {
  return kmsActionsMatching(pattern).length === ALL_KMS_ACTIONS;
}

function actionPointer(
  subject: LintSubject,
  index: number,
  position: number,
  field: string,
): string {
  const raw = subject.raw.rawStatements[index]?.[field];
  const base = `${subject.statementPointer(index)}/${field}`;
  return Array.isArray(raw) ? `${base}/${position}` : base;
}

export function fullAccessForUsersFindings(subject: LintSubject): LintFinding[] {
  const { accountId } = subject.context;
  return subject.raw.policy.statements.flatMap((statement, index) => {
    if (statement.effect !== 'Allow') return [];
    const principals = awsPrincipals(statement);
    const others = principals.filter((principal) => !isAccountRoot(principal, accountId));
    if (others.length === 0 && statement.principal !== '*') return [];
    const position = (statement.action ?? []).findIndex(coversAllKmsActions);
    if (position < 0) return [];
    return [
      {
        rule: 'full-access-for-users',
        severity: 'warning',
        message: `This statement gives ${others.join(', ') || 'these principals'} every KMS permission on the key ("${statement.action?.[position] ?? ''}"), including PutKeyPolicy and ScheduleKeyDeletion. Only the account root statement should grant kms:*: a key user who can change the policy or delete the key is an administrator. List the actions they need instead (for example the key-user actions kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey).`,
        pointer: actionPointer(subject, index, position, 'Action'),
        statementIndex: index,
      },
    ];
  });
}

function actionFinding(action: string, pointer: string, index: number): LintFinding | undefined {
  const service = action.includes(':') ? action.slice(0, action.indexOf(':')).toLowerCase() : '';
  if (action === '*') return undefined;
  if (service !== 'kms') {
    return {
      rule: 'non-kms-action',
      severity: 'warning',
      message: `"${action}" is not a KMS action. A key policy only governs kms: actions on this key, so it has no effect here. Remove it, or put it in an IAM policy.`,
      pointer,
      statementIndex: index,
    };
  }
  if (isKnownKmsAction(action)) return undefined;
  const suggestion = closestName(action, KMS_ACTION_NAMES);
  const fix =
    suggestion === undefined
      ? 'Check the spelling against the KMS actions (for example kms:Decrypt, kms:GenerateDataKey*).'
      : `Did you mean ${suggestion}?`;
  return {
    rule: 'unknown-action',
    severity: 'warning',
    message: `"${action}" matches no KMS action, so no request will ever match it. ${fix}`,
    pointer,
    statementIndex: index,
  };
}

export function actionNameFindings(subject: LintSubject): LintFinding[] {
  return subject.raw.policy.statements.flatMap((statement, index) => {
    const fields = [
      ['Action', statement.action],
      ['NotAction', statement.notAction],
    ] as const;
    return fields.flatMap(([field, actions]) =>
      (actions ?? []).flatMap((action, position) => {
        const finding = actionFinding(
          action,
          actionPointer(subject, index, position, field),
          index,
        );
        return finding === undefined ? [] : [finding];
      }),
    );
  });
}
