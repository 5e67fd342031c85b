import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { statusResult, type HostStatus } from './host-status';

const TOKEN_HEADER = 'X-Keyward-Token';

type Listener = (payload: unknown) => void;

/**
 * The browser-mode bridge: invoke over HTTP POST, events over one Server-Sent Events stream.
 * What its requests meet (a refused token, no host at all) goes to `status`.
 */
export function createHttpBridge(token: string, status: HostStatus): KeywardBridge {
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  async function stream(): Promise<void> {
    for (let attempt = 0; listeners.size > 0; attempt++) {
      try {
        const response = await fetch('/api/events', { headers: { [TOKEN_HEADER]: token } });
        if (!response.ok || !response.body) {
          if (statusResult(response.status) === 'refused') status.report('refused');
        } else {
          attempt = 0;
          await readEvents(response.body, dispatch);
          // The host ended the stream, perhaps shutting down: the status finds out.
          status.report('unreachable');
        }
      } catch {
        // The host went away or the network blipped; the status confirms which. Retry meanwhile.
        status.report('unreachable');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
    }
    streaming = false;
  }

  function dispatch(topic: string, data: string): void {
    const set = listeners.get(topic);
    if (!set) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of set) listener(payload);
  }

  return {
    host: 'browser',
    async invoke(name, input) {
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ input }),
        });
      } catch (error) {
        status.report('unreachable');
        throw error;
      }
      if (statusResult(response.status) === 'refused') {
        status.report('refused');
        throw new Error(
          'This page’s session token was refused. Open the address Keyward printed at start.',
        );
      }
      if (!response.ok)
        throw new Error(`The Keyward host answered ${response.status} ${response.statusText}.`);
      return response.json();
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(topic, set);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
  };
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (topic: string, data: string) => void,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const topic = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (topic && data) onEvent(topic, data);
    }
  }
}
