import type { CallName, Input, Output, Result } from '../../../src-shared/contract';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { KeywardError } from '../../../src-shared/errors';

type AreaOf<N extends string> = N extends `${infer A}.${string}` ? A : never;
type Area = AreaOf<CallName>;

/** `api.settings.get()` etc.: one typed method per contract entry. */
export type Client = {
  readonly [A in Area]: {
    readonly [N in CallName as N extends `${A}.${infer M}` ? M : never]: (
      ...args: Record<string, never> extends Input<N> ? [input?: Input<N>] : [input: Input<N>]
    ) => Promise<Output<N>>;
  };
};

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** Calls `name` and unwraps the envelope: the value, or a thrown KeywardError carrying `code`. */
export async function call(bridge: KeywardBridge, name: string, input: unknown): Promise<unknown> {
  let answer: unknown;
  try {
    answer = await bridge.invoke(name, input ?? {});
  } catch (error) {
    throw new KeywardError('unavailable', (error as Error).message, {
      hint: 'The Keyward host did not answer. If it was closed, start it again.',
    });
  }
  if (!isResult(answer)) throw new KeywardError('internal', `Malformed answer to ${name}.`);
  if (answer.ok) return answer.value;
  throw KeywardError.from(answer.error);
}

/**
 * The name of a call is the path used to reach it (`api.settings.get` → `settings.get`), so no
 * list of names is written here and the contract's zod schemas stay out of the initial bundle;
 * the `Client` type admits only the contract's calls, and main answers only those.
 */
export function createClient(bridge: KeywardBridge): Client {
  const areas = new Map<string, Record<string, (input?: unknown) => Promise<unknown>>>();
  const areaOf = (area: string) => {
    let methods = areas.get(area);
    if (!methods) {
      methods = new Proxy<Record<string, (input?: unknown) => Promise<unknown>>>(
        {},
        {
          // Never a thenable: `await api.settings` must not call a method named `then`.
          get: (_, method) =>
            method === 'then' || typeof method === 'symbol'
              ? undefined
              : (input?: unknown) => call(bridge, `${area}.${method}`, input),
        },
      );
      areas.set(area, methods);
    }
    return methods;
  };
  return new Proxy(
    {},
    { get: (_, area) => (area === 'then' || typeof area === 'symbol' ? undefined : areaOf(area)) },
  ) as Client;
}
