import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../web/content-security-policy';
import { createAppProtocolHandler, registerAppScheme, serveAppProtocol } from './app-protocol';

// A built renderer folder inside a parent that also holds a file the app must never serve.
let parent: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'keyward-app-protocol-'));
  const rendererDir = join(parent, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Keyward</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererDir, 'icon.svg'), '<svg/>');
  await writeFile(join(parent, 'secret.txt'), 'do not serve');
  handler = createAppProtocolHandler(rendererDir);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol: what it serves', () => {
  it('serves index.html with its content type and the CSP, frame-ancestors included', async () => {
    const response = await get('app://keyward/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Keyward</title>');
  });

  it('serves index.html for the bare origin', async () => {
    for (const url of ['app://keyward/', 'app://keyward']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Keyward</title>');
    }
  });

  it.each([
    ['app://keyward/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://keyward/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://keyward/icon.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://keyward/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://keyward/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await get('app://keyward/missing.html')).status).toBe(404);
    expect((await get('app://keyward/assets/')).status).toBe(404);
  });
});

describe('app:// protocol: what it refuses', () => {
  it.each([
    'app://keyward/../../etc/passwd',
    'app://keyward/%2e%2e/%2e%2e/etc/passwd',
    'app://keyward/..%2f..%2fetc%2fpasswd',
    'app://keyward/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://keyward/../secret.txt',
    'app://keyward/%2e%2e/secret.txt',
    'app://keyward/..%2fsecret.txt',
    'app://keyward/%2e%2e%2fsecret.txt',
    'app://keyward/assets/..%2f..%2fsecret.txt',
    'app://keyward/%252e%252e%252fsecret.txt',
    'app://keyward/index.html%00.txt',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it.each([
    'app://evil/index.html',
    'app://keyward.evil/index.html',
    'app://keyward:8080/index.html',
    'app:///index.html',
    'other://keyward/index.html',
    'file:///index.html',
  ])('refuses another origin: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('app:// protocol: registration', () => {
  it('registers app as a standard, secure scheme with fetch, without bypassing CSP or CORS', () => {
    const registered: CustomScheme[][] = [];
    const protocol = {
      registerSchemesAsPrivileged: (schemes: CustomScheme[]) => registered.push(schemes),
    } as unknown as Protocol;
    registerAppScheme(protocol);
    expect(registered).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
  });

  it('binds the handler to the app scheme', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    const protocol = {
      handle: (scheme: string, handle: (request: Request) => Promise<Response>) =>
        handlers.set(scheme, handle),
    } as unknown as Protocol;
    serveAppProtocol(protocol, join(parent, 'renderer'));
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://keyward/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});
