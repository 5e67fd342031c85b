import { request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** One request to a loopback host. node:http rather than fetch, which refuses to set Host and Origin. */
export function sendRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Trades a launch code as the page does: a JSON POST from the host's own origin by default. */
export function exchangeLaunchCode(
  port: number,
  code: string,
  headers: Record<string, string> = { origin: `http://127.0.0.1:${port}` },
): Promise<Reply> {
  return sendRequest(port, '/api/launch', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ code }),
  });
}

export const launchCodeOf = (url: string): string => new URL(url).hash.replace(/^#launch=/, '');
