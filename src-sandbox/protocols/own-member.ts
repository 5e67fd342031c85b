/**
 * `record[name]` for a name that comes from a request, own members only: `constructor`,
 * `toString` and `__proto__` answer on every object but name nothing of ours.
 */
export function ownMember<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
