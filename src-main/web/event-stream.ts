import type { ServerResponse } from 'node:http';
import type { EventBus } from '../operations/event-bus';

const HEARTBEAT_MS = 15_000;

/** Streams host events to one page as Server-Sent Events until the page goes away. */
export function openEventStream(response: ServerResponse, events: EventBus): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  response.write(': connected\n\n');
  const unsubscribe = events.subscribe((topic, payload) => {
    response.write(`event: ${topic}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
