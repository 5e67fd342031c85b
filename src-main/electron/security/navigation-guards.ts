import { app, session, shell } from 'electron';
import { isAppUrl } from './app-origin';
import { isSafeExternalUrl } from './external-urls';

/**
 * Installed once for every web contents the app creates: no navigation away from the app, no
 * new windows (allow-listed AWS docs open in the user's browser), no webviews, no permissions.
 */
export function installNavigationGuards(rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
