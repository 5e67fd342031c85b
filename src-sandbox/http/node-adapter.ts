import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpReply, RawRequest } from '../protocols/types';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads a Node request into the protocol layer's RawRequest. */
export async function readRequest(req: IncomingMessage): Promise<RawRequest> {
  // Plain 'data'/'end' events: cheaper than `for await` (no async iterator per request).
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        req.destroy();
        reject(new BodyTooLargeError('request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (!failed) resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
    });
    req.once('error', (e) => {
      failed = true;
      reject(e);
    });
    req.once('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
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
    body,
  };
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
