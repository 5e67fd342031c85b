import { BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secureWebPreferences } from './security/web-preferences';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The built renderer, served to the window as app://keyward (app-protocol.ts). */
export const rendererDir = join(here, '../renderer');

export function createMainWindow(isPackaged: boolean, rendererUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Keyward',
    backgroundColor: '#1a1b1e',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs'), isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  // A form with unsaved changes holds the unload (beforeunload, UnsavedChangesPrompt); Electron
  // shows no question of its own, so ask here, or the window would simply refuse to close.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Discard changes', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'Discard unsaved changes?',
      detail: 'Changes on this page are not saved yet.',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(rendererUrl);
  return window;
}
