/** What an item can be found by. */
export interface Searchable {
  /** The names a user knows it by (a profile's name, a region's code): these rank first. */
  readonly names: readonly string[];
  /** Other text that also finds it (an account id, a kind, a description, keywords). */
  readonly also?: readonly string[];
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** The query starts a word of `text` (`west` in `eu-west-1`, `ire` in `Europe (Ireland)`). */
function startsWord(text: string, query: string): boolean {
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    if (!isWordChar(text[at - 1])) return true;
  }
  return false;
}

/** 0 a name is the query (or one of its ` · ` parts), 1 a word of a name starts with it, 2 a name contains it, 3 the rest. */
function rank(query: string, names: readonly string[]): number {
  if (names.some((name) => name === query || name.split(' · ').includes(query))) return 0;
  if (names.some((name) => startsWord(name, query))) return 1;
  if (names.some((name) => name.includes(query))) return 2;
  return 3;
}

/**
 * The items that every word of `query` finds (case-insensitive, anywhere in their names or other
 * text), best match first and otherwise in their given order; all items for a blank query. The
 * header pickers and the command palette both search with it, so they find the same things.
 */
export function rankMatches<T>(
  items: readonly T[],
  query: string,
  searchable: (item: T) => Searchable,
): T[] {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return [...items];
  const terms = wanted.split(/\s+/);
  const ranked: { item: T; rank: number }[] = [];
  for (const item of items) {
    const { names, also = [] } = searchable(item);
    const lowerNames = names.map((name) => name.toLowerCase());
    const text = [...lowerNames, ...also.map((other) => other.toLowerCase())].join('\n');
    if (terms.every((term) => text.includes(term))) {
      ranked.push({ item, rank: rank(wanted, lowerNames) });
    }
  }
  // Array.prototype.sort is stable: equal ranks keep the given order.
  return ranked.sort((a, b) => a.rank - b.rank).map(({ item }) => item);
}
