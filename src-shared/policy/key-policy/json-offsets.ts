// A small JSON scanner that keeps every value's character offsets, so lint findings addressed
// by JSON pointer (`/Statement/1/Principal`) can be underlined in the editor. It accepts
// exactly what JSON.parse accepts (RFC 8259); on a syntax error it reports the offset.

export interface JsonRange {
  readonly from: number;
  readonly to: number;
}

export interface JsonMember {
  readonly key: string;
  readonly keyRange: JsonRange;
  readonly value: JsonNode;
}

export type JsonNode =
  | (JsonRange & { readonly kind: 'object'; readonly members: readonly JsonMember[] })
  | (JsonRange & { readonly kind: 'array'; readonly items: readonly JsonNode[] })
  | (JsonRange & { readonly kind: 'scalar' });

export type ScanJsonResult =
  | { readonly ok: true; readonly root: JsonNode }
  | { readonly ok: false; readonly offset: number; readonly message: string };

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters inside strings, so the class has to name them.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    const root = this.value(0);
    this.skipSpace();
    if (this.at < this.text.length) this.fail('Unexpected text after the JSON value.');
    return root;
  }

  private fail(message: string): never {
    throw new SyntaxProblem(this.at, message);
  }

  private skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.at)))
      this.at += 1;
  }

  private token(pattern: RegExp): JsonRange | undefined {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (match === null) return undefined;
    const range = { from: this.at, to: this.at + match[0].length };
    this.at = range.to;
    return range;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text.charAt(this.at) !== char) this.fail(`Expected "${char}".`);
    this.at += 1;
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('The JSON is nested too deeply.');
    this.skipSpace();
    const char = this.text.charAt(this.at);
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    const scalar = this.token(STRING) ?? this.token(NUMBER) ?? this.token(LITERAL);
    if (scalar === undefined) {
      this.fail(
        this.at >= this.text.length ? 'Unexpected end of the text.' : 'Expected a JSON value.',
      );
    }
    return { kind: 'scalar', ...scalar };
  }

  private object(depth: number): JsonNode {
    const from = this.at;
    this.at += 1;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text.charAt(this.at) === '}') {
      this.at += 1;
      return { kind: 'object', from, to: this.at, members };
    }
    for (;;) {
      this.skipSpace();
      const keyRange =
        this.token(STRING) ?? this.fail('Expected a property name in double quotes.');
      const key = JSON.parse(this.text.slice(keyRange.from, keyRange.to)) as string;
      this.expect(':');
      members.push({ key, keyRange, value: this.value(depth + 1) });
      this.skipSpace();
      const next = this.text.charAt(this.at);
      this.at += 1;
      if (next === '}') return { kind: 'object', from, to: this.at, members };
      if (next !== ',') {
        this.at -= 1;
        this.fail('Expected "," or "}".');
      }
    }
  }

  private array(depth: number): JsonNode {
    const from = this.at;
    this.at += 1;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text.charAt(this.at) === ']') {
      this.at += 1;
      return { kind: 'array', from, to: this.at, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text.charAt(this.at);
      this.at += 1;
      if (next === ']') return { kind: 'array', from, to: this.at, items };
      if (next !== ',') {
        this.at -= 1;
        this.fail('Expected "," or "]".');
      }
    }
  }
}

export function scanJson(text: string): ScanJsonResult {
  try {
    return { ok: true, root: new Scanner(text).document() };
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

function child(node: JsonNode, token: string): JsonNode | undefined {
  if (node.kind === 'object') {
    // JSON.parse keeps the last of repeated keys; so does this.
    return node.members.findLast((member) => member.key === token)?.value;
  }
  if (node.kind === 'array' && /^(?:0|[1-9]\d*)$/.test(token)) return node.items[Number(token)];
  return undefined;
}

/**
 * The range of the value at an RFC 6901 pointer (`""` is the whole document), or of its
 * property name with `{ key: true }`. When the pointer goes deeper than the document does, the
 * range of the deepest value that exists.
 */
export function locateJsonPointer(
  root: JsonNode,
  pointer: string,
  options: { readonly key?: boolean } = {},
): JsonRange {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  let node = root;
  for (const [i, raw] of tokens.entries()) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const last = i === tokens.length - 1;
    if (last && options.key === true && node.kind === 'object') {
      const member = node.members.findLast((candidate) => candidate.key === token);
      if (member !== undefined) return member.keyRange;
    }
    const next = child(node, token);
    if (next === undefined) break;
    node = next;
  }
  return { from: node.from, to: node.to };
}

/** Builds a pointer from path tokens, escaping `~` and `/`. */
export function jsonPointer(tokens: readonly (string | number)[]): string {
  return tokens
    .map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** Scan and locate in one step; `undefined` when the text is not JSON. */
export function rangeOfJsonPointer(text: string, pointer: string): JsonRange | undefined {
  const scanned = scanJson(text);
  return scanned.ok ? locateJsonPointer(scanned.root, pointer) : undefined;
}

/** The range of statement `index` (the whole `Statement` when it is a single object). */
export function rangeOfStatement(text: string, index: number): JsonRange | undefined {
  const scanned = scanJson(text);
  if (!scanned.ok) return undefined;
  const statement =
    scanned.root.kind === 'object'
      ? scanned.root.members.findLast((member) => member.key === 'Statement')?.value
      : undefined;
  if (statement === undefined) return undefined;
  const item =
    statement.kind === 'array'
      ? statement.items[index]
      : statement.kind === 'object' && index === 0
        ? statement
        : undefined;
  return item === undefined ? undefined : { from: item.from, to: item.to };
}
