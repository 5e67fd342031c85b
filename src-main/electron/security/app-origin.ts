/** The packaged renderer's origin: app://keyward, served by app-protocol.ts. */
export const appScheme = 'app';
export const appHost = 'keyward';

/**
 * The page the window loads: app://keyward. electron-vite's dev server (`npm run dev` sets
 * ELECTRON_RENDERER_URL) only in an unpackaged run: a packaged app never takes its page, nor the
 * origin its IPC and navigation checks trust, from the environment.
 */
export function rendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (dev && !isPackaged) return dev;
  return `${appScheme}://${appHost}/index.html`;
}

const appProtocols = new Set([`${appScheme}:`, 'http:', 'https:']);

/**
 * Whether `url` is a page of the app itself: same scheme and host (port included) as the
 * renderer's address. Compared by parts, because Node gives every non-special URL, app:// among
 * them, the opaque origin "null". file:// is never the app.
 */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(rendererUrl);
    return (
      appProtocols.has(app.protocol) &&
      target.protocol === app.protocol &&
      target.host === app.host &&
      target.host !== '' &&
      !target.username &&
      !target.password
    );
  } catch {
    return false;
  }
}
