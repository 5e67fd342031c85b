import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpReply, RawRequest } from '../protocols/types';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** How long a client may go on sending an over-limit body after its 413 before it is cut off. */
const DRAIN_LIMIT_MS = 10_000;

const NO_BODY = Buffer.alloc(0);

/** Method, path, query and headers of a Node request; the body is read by `readBody`. */
export function readHead(req: IncomingMessage): RawRequest {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  const headerValues = new Map<string, string[]>();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const list = headerValues.get(name) ?? [];
    list.push(req.rawHeaders[i + 1] ?? '');
    headerValues.set(name, list);
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of headerValues) headers[name] = values.join(', ');
  return {
    method: req.method ?? 'GET',
    path: path === '' ? '/' : path,
    query,
    headers,
    headerValues,
    body: NO_BODY,
  };
}

/**
 * The body, or `'too-large'` as soon as it is known to exceed MAX_BODY_BYTES (by its declared
 * length or while it streams in). From then on the rest is read and dropped, never kept.
 */
export function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    return Promise.resolve('too-large');
  // Plain 'data'/'end' events: cheaper than `for await` (no async iterator per request).
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settled = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
    });
    req.once('error', (e) => {
      settled = true;
      reject(e);
    });
    req.once('close', () => {
      if (!settled && !req.complete) reject(new Error('request aborted'));
    });
  });
}

/**
 * Answers an over-limit request and closes its connection cleanly. The whole reply is written
 * at once (its Content-Length lets the client read it while still sending), but the response
 * is ended, and the socket closed, only when the rest of the body has been read and dropped:
 * a socket closed with unread bytes makes the kernel send a reset, which the client sees as
 * ECONNRESET instead of the 413. A body that goes on and on is cut off after DRAIN_LIMIT_MS.
 */
export function replyTooLarge(req: IncomingMessage, res: ServerResponse, reply: HttpReply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    Connection: 'close',
    'Content-Length': String(Buffer.byteLength(reply.body, 'utf8')),
  });
  res.write(reply.body, 'utf8');
  const cutOff = setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS);
  cutOff.unref();
  const finish = () => {
    clearTimeout(cutOff);
    if (!res.writableEnded) res.end();
  };
  if (req.complete) return finish();
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  // No intermediate Buffer: the byte length for the header, then the string itself.
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': String(Buffer.byteLength(reply.body, 'utf8')),
  });
  res.end(reply.body, 'utf8');
}

export function remoteIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
