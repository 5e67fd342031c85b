// Turns the parser's problem paths (`Statement[1].Condition.StringEquals.kms:EncryptionContext:a.b`)
// into JSON pointers. Condition keys may contain dots, so each step takes the longest member
// name of the raw JSON that fits, rather than splitting on every dot.
import { isRecord } from '../parse-values';
import { jsonPointer } from './json-offsets';

const INDEX = /^\[(\d+)\]/;

function memberName(rest: string, node: unknown): string {
  if (isRecord(node)) {
    const fits = Object.keys(node)
      .filter((key) => rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`))
      .sort((a, b) => b.length - a.length);
    if (fits[0] !== undefined) return fits[0];
  }
  const end = rest.search(/[.[]/);
  return end < 0 ? rest : rest.slice(0, end);
}

export function problemPathToPointer(path: string, document: unknown): string {
  const tokens: (string | number)[] = [];
  let node = document;
  let rest = path;
  while (rest !== '') {
    const index = INDEX.exec(rest);
    if (index !== null) {
      const position = Number(index[1]);
      tokens.push(position);
      node = Array.isArray(node) ? (node[position] as unknown) : undefined;
      rest = rest.slice(index[0].length);
    } else {
      const name = memberName(rest, node);
      tokens.push(name);
      node = isRecord(node) ? node[name] : undefined;
      rest = rest.slice(name.length);
    }
    if (rest.startsWith('.')) rest = rest.slice(1);
  }
  return jsonPointer(tokens);
}
