// Entry of the Electron host. Lifecycle only: single instance, ready, quit.
import { app, BrowserWindow, shell } from 'electron';
import { createKeywardApp, type KeywardApp } from './app/create-app';
import { bindDispatcherToIpc } from './electron/ipc/handle';
import { forwardEvents } from './electron/ipc/send';
import { installApplicationMenu } from './electron/menu';
import { installNavigationGuards } from './electron/security/navigation-guards';
import { createTrustedSenders } from './electron/security/trusted-sender';
import { createMainWindow, rendererUrl } from './electron/window';

app.setName('Keyward');
const dataDirArg = process.argv.indexOf('--data-dir');
const dataDir = dataDirArg > 0 ? process.argv[dataDirArg + 1] : process.env.KEYWARD_DATA_DIR;
if (dataDir) app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let keyward: KeywardApp | undefined;
  const senders = createTrustedSenders(rendererUrl());

  const openWindow = (): void => {
    const window = createMainWindow(app.isPackaged);
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
    installNavigationGuards(rendererUrl());
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
