/**
 * Work under one name runs one piece at a time, in the order it was asked for; work under other
 * names does not wait. A failed piece does not stop the next one.
 */
export interface KeyedMutex {
  run<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(name: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const next = previous.then(work, work);
      const settled = next.catch(() => undefined);
      tails.set(name, settled);
      // The last piece under a name takes the name out, so the map holds only names in use.
      void settled.then(() => {
        if (tails.get(name) === settled) tails.delete(name);
      });
      return next;
    },
  };
}
