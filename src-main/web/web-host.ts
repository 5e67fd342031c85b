import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../operations/event-bus';
import { openEventStream } from './event-stream';
import { createLaunchCodes } from './launch-codes';
import { createRequestGuard } from './request-guard';
import { createStaticFiles, securityHeaders, staticFileHeaders } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const INVOKE_PREFIX = '/api/invoke/';
const LAUNCH_PATH = '/api/launch';
const launchRequest = z.object({ code: z.string().max(200) }).strict();

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /**
   * The sign-in address printed to the user's own terminal: the token travels in the fragment,
   * which browsers never send.
   */
  readonly url: string;
  /**
   * A fresh address for a window Keyward opens itself. It carries a single-use launch code that
   * the page trades for the token, because a window's address is on a command line that every
   * local user can read.
   */
  launchUrl(): string;
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

/** `%E0%A4%A` and the like make decodeURIComponent throw: undefined instead. */
function decodePathPart(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

class BodyTooLarge extends Error {}

type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 413 | 415 | 400; readonly reason: string };

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

async function readJsonBody(request: IncomingMessage): Promise<JsonBody> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return { ok: false, status: 415, reason: 'Send application/json' };
  }
  try {
    const body = await readBody(request);
    return { ok: true, value: body.length === 0 ? {} : JSON.parse(body) };
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return { ok: false, status: 413, reason: 'Request body too large' };
    return { ok: false, status: 400, reason: 'Body is not JSON' };
  }
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
  /** The clock launch codes expire by (tests move it). */
  now?: () => number;
}): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticFiles = createStaticFiles(options.rendererDir);
  const launchCodes = createLaunchCodes(options.now ? { now: options.now } : {});

  async function handleInvoke(name: string, request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'POST') return send(response, 405, 'Method not allowed');
    const body = await readJsonBody(request);
    if (!body.ok) return send(response, body.status, body.reason);
    const input = (body.value as { input?: unknown } | null)?.input;
    const result = await options.dispatcher.invoke(name, input);
    send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function handleLaunch(
    guard: ReturnType<typeof createRequestGuard>,
    request: IncomingMessage,
    response: ServerResponse,
  ) {
    if (request.method !== 'POST') return send(response, 405, 'Method not allowed');
    const origin = guard.checkOwnOrigin(request);
    if (!origin.ok) return send(response, origin.status, origin.reason);
    const body = await readJsonBody(request);
    if (!body.ok) return send(response, body.status, body.reason);
    const parsed = launchRequest.safeParse(body.value);
    if (!parsed.success) return send(response, 400, 'Send {"code": "…"}');
    if (!launchCodes.redeem(parsed.data.code)) {
      return send(response, 410, 'This launch code was already used or has expired.');
    }
    send(response, 200, JSON.stringify({ token }), 'application/json; charset=utf-8');
  }

  async function handle(
    guard: ReturnType<typeof createRequestGuard>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const verdict = guard.checkOriginAndHost(request);
    if (!verdict.ok) return send(response, verdict.status, verdict.reason);
    // URL.parse, not new URL: a target such as `http://[` must be a 400, not a throw.
    const path = URL.parse(request.url ?? '/', 'http://127.0.0.1')?.pathname;
    if (path === undefined) return send(response, 400, 'The request target is not a valid URL.');

    if (path === LAUNCH_PATH) return handleLaunch(guard, request, response);
    if (path.startsWith('/api/')) {
      const auth = guard.checkToken(request);
      if (!auth.ok) return send(response, auth.status, auth.reason);
      if (path === '/api/events' && request.method === 'GET')
        return openEventStream(response, options.events);
      // A page asks whether this host still takes its token (a 401 means a later launch answers).
      if (path === '/api/ping' && request.method === 'GET') return send(response, 204, '');
      if (path.startsWith(INVOKE_PREFIX)) {
        const name = decodePathPart(path.slice(INVOKE_PREFIX.length));
        if (name === undefined)
          return send(response, 400, 'The call name in the path is not valid percent-encoding.');
        return handleInvoke(name, request, response);
      }
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
  // Chromium keeps an idle connection for reuse longer than Node's default 5 s: a request sent
  // on one just as the host closes it fails as if the host were gone. Idle connections waiting
  // for their next request do not count against headersTimeout.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

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
    launchUrl: () => `http://127.0.0.1:${port}/#launch=${launchCodes.mint()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
