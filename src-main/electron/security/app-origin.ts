/** The packaged renderer's origin: app://keyward, served by app-protocol.ts. */
export const appScheme = 'app';
export const appHost = 'keyward';

/** Whether `url` is a page of the app itself (the built renderer file, or the dev server in dev). */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(rendererUrl);
    if (app.protocol === 'file:')
      return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}
