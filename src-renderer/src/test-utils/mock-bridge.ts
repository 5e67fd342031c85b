import { vi } from 'vitest';
import type { CallName } from '../../../src-shared/contract';
import type { KeywardBridge } from '../../../src-shared/contract/bridge';

type Answer = (input: unknown) => unknown;

/** A fake `window.keyward`: answers each call with the envelope a test scripts. */
export function createMockBridge(answers: Partial<Record<CallName, Answer>> = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (name: string, input: unknown) => {
    const answer = answers[name as CallName];
    if (!answer)
      return {
        ok: false,
        error: { code: 'not-found', message: `no mock for ${name}`, retryable: false },
      };
    return answer(input);
  });
  const bridge: KeywardBridge = {
    host: 'browser',
    invoke,
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => set.delete(listener);
    },
  };
  const emit = (topic: string, payload: unknown) =>
    listeners.get(topic)?.forEach((listener) => listener(payload));
  return { bridge, invoke, emit };
}

export const okAnswer = (value: unknown) => () => ({ ok: true, value });
