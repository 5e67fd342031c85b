// Turns the model back into AWS's JSON shape (for PutKeyPolicy, the create-key wizard, or
// showing a normalised policy). Single-element lists are written as plain strings, as AWS's
// own default policies are.
import type { ConditionBlock, PolicyDocument, PolicyStatement, PrincipalBlock } from './types';

type Json = string | readonly string[];

function compact(list: readonly string[]): Json {
  return list.length === 1 && list[0] !== undefined ? list[0] : list;
}

function principalJson(block: PrincipalBlock | '*'): unknown {
  if (block === '*') return '*';
  const out: Record<string, Json> = {};
  if (block.aws !== undefined) out['AWS'] = compact(block.aws);
  if (block.service !== undefined) out['Service'] = compact(block.service);
  if (block.federated !== undefined) out['Federated'] = compact(block.federated);
  if (block.canonicalUser !== undefined) out['CanonicalUser'] = compact(block.canonicalUser);
  return out;
}

function conditionJson(block: ConditionBlock): Record<string, Record<string, Json>> {
  const out: Record<string, Record<string, Json>> = {};
  for (const [operator, keys] of Object.entries(block)) {
    out[operator] = Object.fromEntries(
      Object.entries(keys).map(([key, values]) => [key, compact(values)]),
    );
  }
  return out;
}

function statementJson(statement: PolicyStatement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (statement.sid !== undefined) out['Sid'] = statement.sid;
  out['Effect'] = statement.effect;
  if (statement.principal !== undefined) out['Principal'] = principalJson(statement.principal);
  if (statement.notPrincipal !== undefined)
    out['NotPrincipal'] = principalJson(statement.notPrincipal);
  if (statement.action !== undefined) out['Action'] = compact(statement.action);
  if (statement.notAction !== undefined) out['NotAction'] = compact(statement.notAction);
  if (statement.resource !== undefined) out['Resource'] = compact(statement.resource);
  if (statement.notResource !== undefined) out['NotResource'] = compact(statement.notResource);
  if (statement.condition !== undefined) out['Condition'] = conditionJson(statement.condition);
  return out;
}

/** The policy as a plain JSON value with AWS's element names; `JSON.stringify` it to send. */
export function toPolicyJson(policy: PolicyDocument): Record<string, unknown> {
  return {
    ...(policy.version === undefined ? {} : { Version: policy.version }),
    ...(policy.id === undefined ? {} : { Id: policy.id }),
    Statement: policy.statements.map(statementJson),
  };
}
