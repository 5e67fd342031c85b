import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../operations/event-bus';
import { openEventStream } from './event-stream';
import { createRequestGuard } from './request-guard';
import { createStaticFiles, securityHeaders, staticFileHeaders } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
const INVOKE_PREFIX = '/api/invoke/';

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open: the token travels in the fragment, which browsers never send. */
  readonly url: string;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': type,
    'cache-control': 'no-store',
  });
  response.end(body);
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the same handler table as the Electron window, served on 127.0.0.1 only, on a
 * random port, to a page that proves itself with a per-launch 256-bit token.
 */
export async function startWebHost(options: {
  dispatcher: Dispatcher;
  events: EventBus;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticFiles = createStaticFiles(options.rendererDir);

  async function handleInvoke(name: string, request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'POST') return send(response, 405, 'Method not allowed');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, 'Send application/json');
    }
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? {} : (JSON.parse(body) as { input?: unknown }).input;
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(response, 413, 'Request body too large');
      return send(response, 400, 'Body is not JSON');
    }
    const result = await options.dispatcher.invoke(name, input);
    send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function handle(
    guard: ReturnType<typeof createRequestGuard>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const verdict = guard.checkOriginAndHost(request);
    if (!verdict.ok) return send(response, verdict.status, verdict.reason);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;

    if (path.startsWith('/api/')) {
      const auth = guard.checkToken(request);
      if (!auth.ok) return send(response, auth.status, auth.reason);
      if (path === '/api/events' && request.method === 'GET')
        return openEventStream(response, options.events);
      if (path.startsWith(INVOKE_PREFIX))
        return handleInvoke(
          decodeURIComponent(path.slice(INVOKE_PREFIX.length)),
          request,
          response,
        );
      return send(response, 404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed');
    const file = await staticFiles(path);
    if (!file) return send(response, 404, 'Not found');
    response.writeHead(200, staticFileHeaders(file));
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer();
  const onRequest =
    (guard: ReturnType<typeof createRequestGuard>) =>
    (request: IncomingMessage, response: ServerResponse) => {
      handle(guard, request, response).catch(() => {
        if (!response.headersSent) send(response, 500, 'Internal error');
        else response.destroy();
      });
    };
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  server.on('request', onRequest(createRequestGuard({ port, token })));

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
