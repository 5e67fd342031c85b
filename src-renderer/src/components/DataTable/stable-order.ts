const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export interface StableOrder<Row> {
  /** What the user reads the row by; compared as people sort names ("key-2" before "key-10"). */
  readonly name: (row: Row) => string;
  /** Breaks ties between equal names, so two rows never swap places. */
  readonly id: (row: Row) => string;
  /** Rows of a lower group come first (e.g. the sandbox's demo identities before the user's). */
  readonly group?: (row: Row) => number;
}

/**
 * A row's place depends only on what never changes while the user looks at it (its group, name
 * and id) — never on its status, when it was last checked or the order the host answered in — so
 * refreshing or re-checking one row never moves another. Returns a new array.
 */
export function stableOrder<Row>(rows: readonly Row[], order: StableOrder<Row>): Row[] {
  const group = order.group ?? (() => 0);
  return [...rows].sort((a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup !== 0) return byGroup;
    const byName = collator.compare(order.name(a), order.name(b));
    if (byName !== 0) return byName;
    const [idA, idB] = [order.id(a), order.id(b)];
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
}
