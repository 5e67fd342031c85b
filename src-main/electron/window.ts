import { BrowserWindow } from 'electron';
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
  void window.loadURL(rendererUrl);
  return window;
}
