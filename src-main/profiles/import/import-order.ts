/**
 * Orders the chosen profiles so that every source profile comes before the roles assumed with
 * it. Sources that were not chosen are left out (the role then needs an existing Keyward
 * profile); a cycle keeps its members in the given order and their import fails with a reason.
 */
export function importOrder(
  names: readonly string[],
  sourceOf: (name: string) => string | undefined,
): string[] {
  const chosen = new Set(names);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.has(name)) return;
    state.set(name, 'visiting');
    const source = sourceOf(name);
    if (source !== undefined && chosen.has(source)) visit(source);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}
