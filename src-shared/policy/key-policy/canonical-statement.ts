// A statement in a form where equal meaning gives equal text: the parser's normalisation
// (single values as lists, `true` as "true"), sorted members and sorted value lists (IAM reads
// lists as sets). A statement the parser rejects is compared as written.
import { parsePolicy } from '../parse-policy';
import { isRecord } from '../parse-values';
import { toPolicyJson } from '../serialize-policy';

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortedDeep);
    return items.every((item) => typeof item === 'string')
      ? [...(items as string[])].sort()
      : items;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.map((key) => [key, sortedDeep(value[key])]));
  }
  return value;
}

function asList(value: unknown): unknown {
  return typeof value === 'string' ? [value] : value;
}

/** Element name → canonical JSON text of its value. */
export function canonicalElements(raw: unknown): Readonly<Record<string, string>> {
  const parsed = parsePolicy({ Statement: [raw] }, 'resource');
  const statement = parsed.ok ? (toPolicyJson(parsed.policy)['Statement'] as unknown[])[0] : raw;
  if (!isRecord(statement)) return { '': JSON.stringify(sortedDeep(statement)) };
  return Object.fromEntries(
    Object.entries(statement).map(([element, value]) => [
      element,
      JSON.stringify(
        sortedDeep(element === 'Sid' || element === 'Effect' ? value : deepList(value)),
      ),
    ]),
  );
}

/** Single strings inside principal and condition blocks read as one-element lists. */
function deepList(value: unknown): unknown {
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepList(v)]));
  return asList(value);
}

export function canonicalStatement(raw: unknown): string {
  return JSON.stringify(canonicalElements(raw));
}
