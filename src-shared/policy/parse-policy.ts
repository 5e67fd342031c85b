// Parses policy JSON (text or an already parsed value) into the camelCase model, normalising
// single values to arrays and reporting every structural problem with its path.
import type { ParsePolicyResult, PolicyDocument, PolicyKind, PolicyStatement } from './types';
import { parseStatement } from './parse-statement';
import { isRecord, Problems } from './parse-values';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The policy is not valid JSON: ${detail}` };
  }
}

function checkSids(raw: unknown, problems: Problems): void {
  const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const seen = new Set<string>();
  list.forEach((statement, i) => {
    const sid = isRecord(statement) ? statement['Sid'] : undefined;
    if (typeof sid !== 'string' || sid === '') return;
    if (seen.has(sid)) {
      const path = Array.isArray(raw) ? `Statement[${i}].Sid` : 'Statement.Sid';
      problems.add(path, `Statement IDs (SID) must be unique: "${sid}" is repeated.`);
    }
    seen.add(sid);
  });
}

export function parsePolicy(input: string | unknown, kind: PolicyKind): ParsePolicyResult {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return { ok: false, errors: [{ path: '', message: json.message }] };
    value = json.value;
  }
  const problems = new Problems();
  if (!isRecord(value)) {
    problems.add('', 'The policy must be a JSON object.');
    return { ok: false, errors: problems.list };
  }
  for (const name of Object.keys(value)) {
    if (!TOP_LEVEL.has(name)) problems.add(name, `Unknown field ${name}.`);
  }
  const version = value['Version'];
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
    problems.add('Version', 'Version must be "2012-10-17" or "2008-10-17".');
  }
  const id = value['Id'];
  if (id !== undefined && typeof id !== 'string') problems.add('Id', 'Id must be a string.');

  const raw = value['Statement'];
  const statements: PolicyStatement[] = [];
  if (raw === undefined) {
    problems.add('Statement', 'Missing required field Statement.');
  } else if (isRecord(raw)) {
    const statement = parseStatement(raw, 'Statement', kind, problems);
    if (statement !== undefined) statements.push(statement);
  } else if (Array.isArray(raw)) {
    raw.forEach((item: unknown, i) => {
      const statement = parseStatement(item, `Statement[${i}]`, kind, problems);
      if (statement !== undefined) statements.push(statement);
    });
  } else {
    problems.add('Statement', 'Statement must be an object or an array of objects.');
  }
  checkSids(raw, problems);
  if (problems.list.length > 0) return { ok: false, errors: problems.list };

  const policy: PolicyDocument = {
    ...(typeof version === 'string' ? { version } : {}),
    ...(typeof id === 'string' ? { id } : {}),
    statements,
  };
  return { ok: true, policy };
}
