import type { App, Session, Shell } from 'electron';
import { isAppUrl } from './app-origin';
import { isSafeExternalUrl } from './external-urls';

/** The Electron objects the guards hook into, passed in so that tests can hand in fakes. */
export interface GuardedHost {
  readonly app: Pick<App, 'on'>;
  readonly defaultSession: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler'
  >;
  readonly shell: Pick<Shell, 'openExternal'>;
}

/**
 * Installed once for every web contents the app creates: no navigation away from the app, no
 * new windows (allow-listed AWS docs open in the user's browser), no webviews, no permissions.
 */
export function installNavigationGuards(host: GuardedHost, rendererUrl: string): void {
  host.app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void host.shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  host.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  host.defaultSession.setPermissionCheckHandler(() => false);
}
