// Entry of the Electron host. Lifecycle only: single instance, ready, quit.
import { app, BrowserWindow, protocol, session, shell } from 'electron';
import { createKeywardApp, type KeywardApp } from './app/create-app';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { bindDispatcherToIpc } from './electron/ipc/handle';
import { forwardEvents } from './electron/ipc/send';
import { installApplicationMenu } from './electron/menu';
import { rendererUrl } from './electron/security/app-origin';
import { installNavigationGuards } from './electron/security/navigation-guards';
import { createTrustedSenders } from './electron/security/trusted-sender';
import { createMainWindow, rendererDir } from './electron/window';

app.setName('Keyward');
const dataDirArg = process.argv.indexOf('--data-dir');
const dataDir = dataDirArg > 0 ? process.argv[dataDirArg + 1] : process.env.KEYWARD_DATA_DIR;
if (dataDir) app.setPath('userData', dataDir);
// Before ready, once: the renderer is loaded from app://keyward, never from file://.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let keyward: KeywardApp | undefined;
  const pageUrl = rendererUrl(app.isPackaged);
  const senders = createTrustedSenders(pageUrl);

  const openWindow = (): void => {
    const window = createMainWindow(app.isPackaged, pageUrl);
    senders.add(window.webContents);
    if (keyward) forwardEvents(keyward.events, window.webContents);
  };

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(() => {
    keyward = createKeywardApp({
      dataDir: app.getPath('userData'),
      openUrl: (url) => shell.openExternal(url),
      host: {
        host: 'electron',
        versions: {
          node: process.versions.node,
          electron: process.versions.electron,
          chrome: process.versions.chrome,
        },
      },
    });
    serveAppProtocol(protocol, rendererDir);
    installNavigationGuards({ app, defaultSession: session.defaultSession, shell }, pageUrl);
    installApplicationMenu(app.isPackaged);
    bindDispatcherToIpc(keyward.dispatcher, senders);
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void keyward?.close());
}
