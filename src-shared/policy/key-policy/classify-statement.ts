// Decides by shape (never by Sid alone) whether the visual editor understands a statement, and
// reduces it to a section. Anything with an element the editor cannot show or re-create exactly
// (an extra condition, NotAction, a key ARN as Resource, a Deny, ...) is not understood.
import type { PolicyStatement } from '../types';
import {
  ADMIN_BASE_ACTIONS,
  ADMIN_DELETE_ACTIONS,
  ADMIN_OPTIONAL_ACTIONS,
  ATTACHMENT_ACTIONS,
  KEY_USER_ACTIONS,
  sameActionSet,
  type KeyUserActionSet,
} from './key-policy-actions';
import type { KeyPolicyContext, KeyPolicySection } from './key-policy-view';

const PLAIN_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource']);
const WITH_CONDITION = new Set([...PLAIN_FIELDS, 'Condition']);

type Understood = Exclude<KeyPolicySection, { kind: 'not-understood' }>;
type Outcome = Understood | { readonly reason: string };

export function isAccountRoot(principal: string, accountId: string): boolean {
  return principal === accountId || principal === `arn:aws:iam::${accountId}:root`;
}

function isAdministratorActions(actions: readonly string[]): boolean {
  const allowed = new Set([
    ...ADMIN_BASE_ACTIONS,
    ...ADMIN_DELETE_ACTIONS,
    ...ADMIN_OPTIONAL_ACTIONS,
  ]);
  const required = ADMIN_BASE_ACTIONS.filter((action) => action !== 'kms:Delete*');
  const hasDelete = ADMIN_DELETE_ACTIONS.map((action) => actions.includes(action));
  return (
    new Set(actions).size === actions.length &&
    actions.every((action) => allowed.has(action)) &&
    required.every((action) => actions.includes(action)) &&
    hasDelete.every((present) => present === hasDelete[0])
  );
}

function userActionSet(actions: readonly string[]): KeyUserActionSet | undefined {
  const sets = Object.entries(KEY_USER_ACTIONS) as [KeyUserActionSet, readonly string[]][];
  return sets.find(([, expected]) => sameActionSet(actions, expected))?.[0];
}

function attachmentConditionValue(raw: unknown): true | 'true' | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const operators = Object.entries(raw);
  const [operator, keys] = operators[0] ?? [];
  if (operators.length !== 1 || operator !== 'Bool') return undefined;
  if (typeof keys !== 'object' || keys === null) return undefined;
  const entries = Object.entries(keys);
  const [key, value] = entries[0] ?? [];
  if (entries.length !== 1 || key !== 'kms:GrantIsForAWSResource') return undefined;
  return value === true || value === 'true' ? value : undefined;
}

function classifyAws(
  statement: PolicyStatement,
  raw: Readonly<Record<string, unknown>>,
  principals: readonly string[],
  context: KeyPolicyContext,
): Outcome {
  const actions = statement.action ?? [];
  const sid = statement.sid === undefined ? {} : { sid: statement.sid };
  if ('Condition' in raw) {
    const conditionValue = attachmentConditionValue(raw['Condition']);
    if (conditionValue !== undefined && sameActionSet(actions, ATTACHMENT_ACTIONS)) {
      return { kind: 'attachment', ...sid, principals, actions, conditionValue };
    }
    return { reason: 'It has a condition the visual editor does not manage.' };
  }
  const [only] = principals;
  if (principals.length === 1 && only !== undefined && isAccountRoot(only, context.accountId)) {
    if (actions.length === 1 && actions[0] === 'kms:*') {
      return { kind: 'account-root', ...sid, principal: only };
    }
  }
  if (isAdministratorActions(actions))
    return { kind: 'administrators', ...sid, principals, actions };
  const actionSet = userActionSet(actions);
  if (actionSet !== undefined) return { kind: 'users', ...sid, principals, actionSet, actions };
  return { reason: 'Its actions are not one of the administrator or key-user lists.' };
}

function classifyShape(
  statement: PolicyStatement,
  raw: Readonly<Record<string, unknown>>,
  context: KeyPolicyContext,
): Outcome {
  if (statement.effect !== 'Allow') return { reason: 'It is a Deny statement.' };
  const fields = Object.keys(raw);
  if (!fields.every((field) => WITH_CONDITION.has(field))) {
    return { reason: 'It uses NotPrincipal, NotAction or NotResource.' };
  }
  const resource = statement.resource;
  if (resource?.length !== 1 || resource[0] !== '*') {
    return { reason: 'Its Resource is not "*".' };
  }
  if (statement.action === undefined) return { reason: 'It has no Action.' };
  const principal = statement.principal;
  if (principal === undefined || principal === '*') {
    return { reason: 'Its principal is "*".' };
  }
  const types = Object.keys(principal);
  if (types.length !== 1) return { reason: 'It mixes principal types.' };
  if (principal.service !== undefined) {
    const condition = 'Condition' in raw ? { condition: raw['Condition'] } : {};
    const sid = statement.sid === undefined ? {} : { sid: statement.sid };
    return {
      kind: 'service',
      ...sid,
      services: principal.service,
      actions: statement.action,
      ...condition,
    };
  }
  const aws = principal.aws;
  if (aws === undefined)
    return { reason: 'Its principal is not an AWS account, user, role or service.' };
  if (aws.includes('*')) return { reason: 'Its principal is "*".' };
  return classifyAws(statement, raw, aws, context);
}

export function classifyStatement(
  statement: PolicyStatement,
  raw: Readonly<Record<string, unknown>>,
  index: number,
  context: KeyPolicyContext,
): KeyPolicySection {
  const outcome = classifyShape(statement, raw, context);
  if ('kind' in outcome) return { ...outcome, index };
  const sid = statement.sid === undefined ? {} : { sid: statement.sid };
  return { kind: 'not-understood', index, ...sid, raw, reason: outcome.reason };
}
