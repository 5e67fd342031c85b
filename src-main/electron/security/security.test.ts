import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../web/content-security-policy';
import { isAppUrl, rendererUrl } from './app-origin';
import { isSafeExternalUrl } from './external-urls';
import { secureWebPreferences } from './web-preferences';

describe('security: window options', () => {
  it('isolates and sandboxes the page, with no Node and no webviews', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', true);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
  });
});

describe('security: navigation and external links', () => {
  it('an unpackaged run loads the dev server electron-vite names, else app://keyward', () => {
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(
      'http://localhost:5173/',
    );
    expect(rendererUrl(false, {})).toBe('app://keyward/index.html');
  });

  it('a packaged app always loads app://keyward, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(
      'app://keyward/index.html',
    );
    expect(rendererUrl(true, {})).toBe('app://keyward/index.html');
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    try {
      expect(rendererUrl(true)).toBe('app://keyward/index.html');
      expect(rendererUrl(false)).toBe('https://evil.example/');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    ['app://keyward/index.html', true],
    ['app://keyward/index.html#/keys/1234', true],
    ['app://keyward/assets/index-abc.js', true],
    ['file:///opt/Keyward/resources/app.asar/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['app://evil/index.html', false],
    ['app://keyward.evil/index.html', false],
    ['app://keyward:8080/index.html', false],
    ['app://user@keyward/index.html', false],
    ['other://keyward/index.html', false],
    ['https://keyward/index.html', false],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('counts %s as the packaged app: %s', (url, expected) => {
    expect(isAppUrl(url, 'app://keyward/index.html')).toBe(expected);
  });

  it('under the dev server, only the dev server’s origin is the app', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/keys', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('app://keyward/index.html', dev)).toBe(false);
  });

  it('a file:// renderer address trusts nothing, not even itself', () => {
    const file = 'file:///opt/Keyward/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(file, file)).toBe(false);
  });

  it.each([
    ['https://docs.aws.amazon.com/kms/latest/developerguide/overview.html', true],
    ['https://us-east-1.console.aws.amazon.com/kms/home', true],
    ['http://docs.aws.amazon.com/', false],
    ['https://docs.aws.amazon.com.evil.example/', false],
    ['https://user:pw@docs.aws.amazon.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('opens %s externally: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });
});

describe('security: content security policy', () => {
  it('index.html carries the same policy the browser-mode host sends', () => {
    const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is not allowed in a meta tag; the header adds it.
    const headerWithoutFrameAncestors = contentSecurityPolicy.replace(
      /; frame-ancestors 'none'/,
      '',
    );
    expect(meta).toBe(headerWithoutFrameAncestors);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("script-src 'self'");
  });
});
