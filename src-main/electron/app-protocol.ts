import type { CustomScheme, Protocol } from 'electron';
import { createStaticFiles, securityHeaders, staticFileHeaders } from '../web/static-files';
import { appHost, appScheme } from './security/app-origin';

/**
 * The scheme the packaged renderer is loaded from, instead of file://. Standard, so relative
 * URLs resolve and the page has a real origin (app://keyward) for 'self' and the IPC check;
 * secure, so it is a secure context. Not bypassCSP and not corsEnabled: the page keeps its CSP,
 * and no other origin may read app:// responses. Same-origin module scripts need neither.
 */
const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app is ready, and only once (Electron's rule). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

/** Runs once the app is ready: app://keyward/… serves the built renderer folder, nothing else. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
}

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The same lookup as browser mode (static-files.ts: decoded, normalised, kept inside the folder,
 * known types only), with the same headers, the CSP among them.
 */
export function createAppProtocolHandler(rendererDir: string) {
  const lookup = createStaticFiles(rendererDir);
  return async function handle(request: Request): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad URL');
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password)
      return plain(403, 'Forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const file = await lookup(url.pathname || '/');
    if (!file) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : file.body;
    return new Response(body, { status: 200, headers: staticFileHeaders(file) });
  };
}
