import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * Only the app's own windows, from their main frame, showing the app's own page, may call main:
 * app://keyward, or electron-vite's dev server in an unpackaged run (see rendererUrl).
 */
export function createTrustedSenders(rendererUrl: string) {
  const trusted = new Set<number>();
  return {
    add(contents: WebContents): void {
      trusted.add(contents.id);
      contents.once('destroyed', () => trusted.delete(contents.id));
    },
    isTrusted(event: IpcMainInvokeEvent): boolean {
      const frame = event.senderFrame;
      return (
        trusted.has(event.sender.id) &&
        frame !== null &&
        frame === event.sender.mainFrame &&
        isAppUrl(frame.url, rendererUrl)
      );
    },
  };
}

export type TrustedSenders = ReturnType<typeof createTrustedSenders>;
