import type { CallName, Input, Output, Result } from '../../../src-shared/contract';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { callNames } from '../../../src-shared/contract/channel-names';
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

export function createClient(bridge: KeywardBridge): Client {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  // The zod-free list (a contract test keeps it equal to the contract): the schemas stay out of
  // the initial bundle.
  for (const name of callNames) {
    const [area = '', method = ''] = name.split('.');
    client[area] ??= {};
    client[area][method] = (input) => call(bridge, name, input);
  }
  return client as unknown as Client;
}
