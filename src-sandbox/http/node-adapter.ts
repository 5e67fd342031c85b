import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpReply, RawRequest } from '../protocols/types';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads a Node request into the protocol layer's RawRequest. */
export async function readRequest(req: IncomingMessage): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(buf);
  }
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
    body: Buffer.concat(chunks),
  };
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

export function remoteIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
