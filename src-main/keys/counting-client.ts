/**
 * The same client (paginators accept it: its prototype is the client's), counting the requests
 * one inventory makes for its result.
 */
export function countingClient<C extends { send: (...args: never[]) => unknown }>(
  client: C,
  counter: { calls: number },
): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'send') {
        return (...args: Parameters<C['send']>) => {
          counter.calls += 1;
          return target.send(...args);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
