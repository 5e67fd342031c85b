import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secureWebPreferences } from './security/web-preferences';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The built renderer's address, or the dev server's under `npm run dev`. */
export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev) return dev;
  return new URL(`file://${join(here, '../renderer/index.html')}`).href;
}

export function createMainWindow(isPackaged: boolean): BrowserWindow {
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
  void window.loadURL(rendererUrl());
  return window;
}
