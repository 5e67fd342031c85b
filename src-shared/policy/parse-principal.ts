// `Principal` / `NotPrincipal`: `"*"` or `{ "AWS" | "Service" | "Federated" | "CanonicalUser": value(s) }`.
import type { PrincipalBlock } from './types';
import { isValidAwsPrincipal, isValidServicePrincipal } from './principal-format';
import { childPath, isRecord, readStringList, type Problems } from './parse-values';

const FIELDS = {
  AWS: 'aws',
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'canonicalUser',
} as const;

type Field = keyof typeof FIELDS;

function isField(name: string): name is Field {
  return Object.hasOwn(FIELDS, name);
}

export function parsePrincipal(
  value: unknown,
  path: string,
  problems: Problems,
): PrincipalBlock | '*' | undefined {
  if (value === '*') return '*';
  if (!isRecord(value)) {
    problems.add(
      path,
      'Must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.',
    );
    return undefined;
  }
  const names = Object.keys(value);
  if (names.length === 0) {
    problems.add(path, 'Must name at least one principal.');
    return undefined;
  }
  const block: { -readonly [K in keyof PrincipalBlock]: PrincipalBlock[K] } = {};
  for (const name of names) {
    const entryPath = childPath(path, name);
    if (!isField(name)) {
      problems.add(entryPath, `Unknown principal type ${name}.`);
      continue;
    }
    const list = readStringList(value[name], entryPath, problems);
    if (list === undefined) continue;
    list.forEach((entry, i) => {
      const valid =
        name === 'AWS'
          ? isValidAwsPrincipal(entry)
          : name === 'Service'
            ? isValidServicePrincipal(entry)
            : entry.length > 0;
      if (!valid) {
        const at =
          list.length === 1 && typeof value[name] === 'string' ? entryPath : `${entryPath}[${i}]`;
        problems.add(at, `Invalid principal in policy: "${name}":"${entry}"`);
      }
    });
    block[FIELDS[name]] = list;
  }
  return block;
}
