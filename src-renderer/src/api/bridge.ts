import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { createHttpBridge, takeTokenFromLocation } from './http-bridge';

declare global {
  interface Window {
    keyward?: KeywardBridge;
  }
}

/** Electron's preload installs `window.keyward`; in browser mode the page builds the HTTP bridge. */
export function resolveBridge(): KeywardBridge | null {
  if (window.keyward) return window.keyward;
  const token = takeTokenFromLocation(window.location, window.sessionStorage, window.history);
  return token ? createHttpBridge(token) : null;
}
