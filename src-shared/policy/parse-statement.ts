// One statement: element names are case-sensitive, as in IAM. Rules per policy kind:
// identity — no Principal, Action and Resource required; resource (key policies) — a principal
// is required, a missing Action/Resource is accepted (the statement is simply ineffective, as
// KMS does); trust — a principal and an Action are required, Resource is prohibited.
import type { PolicyKind, PolicyStatement } from './types';
import { parseCondition } from './parse-condition';
import { parsePrincipal } from './parse-principal';
import { childPath, isRecord, readStringList, type Problems } from './parse-values';

const FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const ACTION = /^(?:\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]*)$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function exclusive(
  raw: Record<string, unknown>,
  path: string,
  names: readonly [string, string],
  problems: Problems,
): void {
  if (names[0] in raw && names[1] in raw) {
    problems.add(
      childPath(path, names[1]),
      `Statement cannot contain both ${names[0]} and ${names[1]}.`,
    );
  }
}

function readActions(
  raw: unknown,
  path: string,
  problems: Problems,
): readonly string[] | undefined {
  const list = readStringList(raw, path, problems);
  list?.forEach((action, i) => {
    if (!ACTION.test(action)) {
      const at = typeof raw === 'string' ? path : `${path}[${i}]`;
      problems.add(at, `Action "${action}" must be "*" or look like "service:Operation".`);
    }
  });
  return list;
}

function checkKindRules(
  raw: Record<string, unknown>,
  path: string,
  kind: PolicyKind,
  problems: Problems,
): void {
  const has = (name: string): boolean => name in raw;
  if (kind === 'identity') {
    for (const name of ['Principal', 'NotPrincipal']) {
      if (has(name)) problems.add(childPath(path, name), `Has prohibited field ${name}.`);
    }
  } else if (!has('Principal') && !has('NotPrincipal')) {
    problems.add(childPath(path, 'Principal'), 'Missing required field Principal.');
  }
  if (kind !== 'resource' && !has('Action') && !has('NotAction')) {
    problems.add(childPath(path, 'Action'), 'Missing required field Action.');
  }
  if (kind === 'identity' && !has('Resource') && !has('NotResource')) {
    problems.add(childPath(path, 'Resource'), 'Missing required field Resource.');
  }
  if (kind === 'trust') {
    for (const name of ['Resource', 'NotResource']) {
      if (has(name)) problems.add(childPath(path, name), `Has prohibited field ${name}.`);
    }
  }
}

export function parseStatement(
  raw: unknown,
  path: string,
  kind: PolicyKind,
  problems: Problems,
): PolicyStatement | undefined {
  if (!isRecord(raw)) {
    problems.add(path, 'Each statement must be an object.');
    return undefined;
  }
  const before = problems.list.length;
  for (const name of Object.keys(raw)) {
    if (!FIELDS.has(name)) problems.add(childPath(path, name), `Unknown field ${name}.`);
  }
  checkKindRules(raw, path, kind, problems);
  exclusive(raw, path, ['Principal', 'NotPrincipal'], problems);
  exclusive(raw, path, ['Action', 'NotAction'], problems);
  exclusive(raw, path, ['Resource', 'NotResource'], problems);

  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    const message =
      effect === undefined ? 'Missing required field Effect.' : 'Effect must be "Allow" or "Deny".';
    problems.add(childPath(path, 'Effect'), message);
  }
  const statement: Mutable<PolicyStatement> = { effect: effect === 'Deny' ? 'Deny' : 'Allow' };
  const at = (name: string): string => childPath(path, name);
  if ('Sid' in raw) {
    if (typeof raw['Sid'] === 'string') statement.sid = raw['Sid'];
    else problems.add(at('Sid'), 'Sid must be a string.');
  }
  if ('Principal' in raw)
    statement.principal = parsePrincipal(raw['Principal'], at('Principal'), problems);
  if ('NotPrincipal' in raw) {
    statement.notPrincipal = parsePrincipal(raw['NotPrincipal'], at('NotPrincipal'), problems);
  }
  if ('Action' in raw) statement.action = readActions(raw['Action'], at('Action'), problems);
  if ('NotAction' in raw)
    statement.notAction = readActions(raw['NotAction'], at('NotAction'), problems);
  if ('Resource' in raw)
    statement.resource = readStringList(raw['Resource'], at('Resource'), problems);
  if ('NotResource' in raw) {
    statement.notResource = readStringList(raw['NotResource'], at('NotResource'), problems);
  }
  if ('Condition' in raw)
    statement.condition = parseCondition(raw['Condition'], at('Condition'), problems);
  return problems.list.length === before ? statement : undefined;
}
