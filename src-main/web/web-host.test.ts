import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeywardApp, type KeywardApp } from '../app/create-app';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log/logger';
import { exchangeLaunchCode, launchCodeOf, sendRequest } from './testing/send-request';
import { startWebHost, type WebHost, KEEP_ALIVE_TIMEOUT_MS, MAX_BODY_BYTES } from './web-host';

const send = (
  host: WebHost,
  path: string,
  options?: { method?: string; headers?: Record<string, string>; body?: string },
) => sendRequest(host.port, path, options);

const memorySecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

let dir: string;
let app: KeywardApp;
let host: WebHost;
const invoke = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  send(host, `/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-keyward-token': host.token, ...headers },
    body: JSON.stringify({ input }),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-web-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Keyward</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  app = createKeywardApp({
    dataDir: join(dir, 'data'),
    host: { host: 'browser', versions: { node: process.versions.node } },
    secrets: memorySecrets,
    logger: silentLogger,
    sandbox: false,
  });
  host = await startWebHost({ dispatcher: app.dispatcher, events: app.events, rendererDir });
});

afterAll(async () => {
  await host.close();
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser-mode host', () => {
  it('binds loopback only and carries a 256-bit token in the URL fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=`));
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
  });

  it('answers an API call with the token', async () => {
    const reply = await invoke('app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { host: 'browser', name: 'Keyward' },
    });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a call without the token or with a wrong one (401)', async () => {
    const missing = await send(host, '/api/invoke/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    const wrong = await invoke('app.info', {}, { 'x-keyward-token': 'A'.repeat(43) });
    expect(wrong.status).toBe(401);
    const events = await send(host, '/api/events');
    expect(events.status).toBe(401);
  });

  it('answers a ping with the token (204) and refuses one without or with an old token (401)', async () => {
    const ping = (headers: Record<string, string>) => send(host, '/api/ping', { headers });
    expect((await ping({ 'x-keyward-token': host.token })).status).toBe(204);
    expect((await ping({})).status).toBe(401);
    expect((await ping({ 'x-keyward-token': 'B'.repeat(43) })).status).toBe(401);
  });

  it('keeps idle connections for 65 s, longer than Chromium waits to reuse them', async () => {
    const reply = await send(host, '/api/ping', {
      headers: { 'x-keyward-token': host.token, connection: 'keep-alive' },
    });
    expect(reply.headers.connection).toBe('keep-alive');
    expect(reply.headers['keep-alive']).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
  });

  it('refuses a foreign Host even with the token (403, DNS rebinding)', async () => {
    const reply = await invoke('app.info', {}, { host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
    const page = await send(host, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token (403, no CORS)', async () => {
    const reply = await invoke('app.info', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const own = await invoke('app.info', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('answers 413 to an oversized body and 404 to unknown paths', async () => {
    const big = await invoke('settings.set', { theme: 'x'.repeat(MAX_BODY_BYTES) });
    expect(big.status).toBe(413);
    expect(
      (await send(host, '/api/nothing', { headers: { 'x-keyward-token': host.token } })).status,
    ).toBe(404);
    expect((await send(host, '/nothing.html')).status).toBe(404);
  });

  it('answers 400 to a call name that is not valid percent-encoding, or a target that is no URL', async () => {
    const reply = await invoke('%E0%A4%A', {});
    expect([reply.status, reply.body]).toEqual([
      400,
      'The call name in the path is not valid percent-encoding.',
    ]);
    const unparsable = await send(host, 'http://[', { headers: { 'x-keyward-token': host.token } });
    expect([unparsable.status, unparsable.body]).toEqual([
      400,
      'The request target is not a valid URL.',
    ]);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await send(host, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await send(host, '/assets/app.js')).status).toBe(200);
    expect((await send(host, '/../secret.txt')).status).toBe(404);
    expect((await send(host, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await send(host, '/assets/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('reports validation failures in the envelope with field errors', async () => {
    const reply = await invoke('settings.set', { theme: 'purple' });
    const result = JSON.parse(reply.body) as {
      ok: boolean;
      error: { code: string; fieldErrors: Record<string, string> };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('validation');
    expect(Object.keys(result.error.fieldErrors)).toEqual(['theme']);
  });

  it('streams operation events to a page that holds the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${host.port}/api/events`, {
      headers: { 'x-keyward-token': host.token },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const started = JSON.parse((await invoke('diagnostics.run', {})).body) as {
      value: { operationId: string };
    };
    let text = '';
    while (!text.includes('"type":"done"') && !text.includes('"type":"failed"')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: operation');
    expect(text).toContain(started.value.operationId);
  });
});

describe('launch codes (the window Keyward opens itself)', () => {
  const ownOrigin = () => `http://127.0.0.1:${host.port}`;
  const exchange = (code: string, headers?: Record<string, string>) =>
    exchangeLaunchCode(host.port, code, headers);

  it('opens at an address with a 256-bit single-use code, never the token', () => {
    const url = host.launchUrl();
    expect(url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#launch=[A-Za-z0-9_-]{43}$`),
    );
    expect(url).not.toContain(host.token);
    expect(launchCodeOf(host.launchUrl())).not.toBe(launchCodeOf(url));
  });

  it('trades a code for the session token once, then refuses it (410)', async () => {
    const code = launchCodeOf(host.launchUrl());
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(first.body)).toEqual({ token: host.token });
    const again = await exchange(code);
    expect(again.status).toBe(410);
    expect(again.body).not.toContain(host.token);
  });

  it('refuses a foreign or missing Origin (403) and keeps the code for its own page', async () => {
    const code = launchCodeOf(host.launchUrl());
    expect((await exchange(code, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await exchange(code, {})).status).toBe(403);
    expect(
      (await exchange(code, { origin: ownOrigin(), host: `evil.example:${host.port}` })).status,
    ).toBe(403);
    expect((await exchange(code)).status).toBe(200);
  });

  it('refuses an unknown code and anything but a JSON POST', async () => {
    expect((await exchange('A'.repeat(43))).status).toBe(410);
    const get = await send(host, '/api/launch', { headers: { origin: ownOrigin() } });
    expect(get.status).toBe(405);
    const form = await send(host, '/api/launch', {
      method: 'POST',
      headers: { origin: ownOrigin(), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });
});
