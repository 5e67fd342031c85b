/**
 * Decodes flat query/form parameters into a tree. `A.B.1.C=x` → `{A: {B: [{C: 'x'}]}}`.
 * Numeric segments become 1-based array positions. With `style: 'awsQuery'`, `X.member.N`
 * and `X.entry.N.key/value` lists collapse to arrays; with `ec2Query`, `X.N` is already a list.
 */
type Tree = { [key: string]: Tree | string };

/** Parameter names come from the request: a prototype-less node has no `__proto__` to climb. */
const newNode = (): Tree => Object.create(null) as Tree;

export function decodeQueryParams(
  form: URLSearchParams,
  style: 'awsQuery' | 'ec2Query',
  skip: readonly string[] = ['Action', 'Version'],
): Record<string, unknown> {
  const root = newNode();
  for (const [key, value] of form) {
    if (skip.includes(key)) continue;
    const parts = key.split('.');
    let node: Tree = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i] ?? '';
      const next = node[part];
      if (typeof next === 'object') node = next;
      else {
        const created = newNode();
        node[part] = created;
        node = created;
      }
    }
    const leaf = parts.at(-1) ?? '';
    if (typeof node[leaf] !== 'object') node[leaf] = value;
  }
  return normalise(root, style) as Record<string, unknown>;
}

function normalise(node: Tree | string, style: 'awsQuery' | 'ec2Query'): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^[1-9]\d*$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => normalise(node[String(k)] ?? '', style));
  }
  if (style === 'awsQuery' && keys.length === 1 && (keys[0] === 'member' || keys[0] === 'entry')) {
    const inner = normalise(node[keys[0]] ?? '', style);
    return Array.isArray(inner) ? inner : [inner];
  }
  // fromEntries defines `__proto__` as an own member instead of setting the prototype.
  return Object.fromEntries(keys.map((k) => [k, normalise(node[k] ?? '', style)]));
}

export function parseForm(body: Buffer, query: URLSearchParams): URLSearchParams {
  const form = new URLSearchParams(body.toString('utf8'));
  // Query-string parameters (GET requests, presigned calls) count as parameters too.
  for (const [k, v] of query) if (!k.startsWith('X-Amz-') && !form.has(k)) form.append(k, v);
  return form;
}
