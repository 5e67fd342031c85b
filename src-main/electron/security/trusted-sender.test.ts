import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTrustedSenders } from './trusted-sender';

// Fakes of the few WebContents and event fields the check reads.
function fakeContents(id: number, url: string) {
  const destroyed: Array<() => void> = [];
  const mainFrame = { url } as WebFrameMain;
  const contents = {
    id,
    mainFrame,
    once: (event: string, listener: () => void) => {
      if (event === 'destroyed') destroyed.push(listener);
    },
  } as unknown as WebContents;
  return { contents, mainFrame, destroy: () => destroyed.forEach((listener) => listener()) };
}

const invokeEvent = (sender: WebContents, senderFrame: WebFrameMain | null) =>
  ({ sender, senderFrame }) as IpcMainInvokeEvent;

describe('trusted IPC senders', () => {
  const appUrl = 'app://keyward/index.html';

  it('trusts the app’s own window on app://keyward, from its main frame', () => {
    const senders = createTrustedSenders(appUrl);
    const window = fakeContents(1, 'app://keyward/index.html#/keys');
    senders.add(window.contents);
    expect(senders.isTrusted(invokeEvent(window.contents, window.mainFrame))).toBe(true);
  });

  it.each([
    'file:///opt/Keyward/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'app://evil/index.html',
    'https://evil.example/',
    'http://localhost:5173/',
  ])('refuses the app’s own window once it shows %s', (url) => {
    const senders = createTrustedSenders(appUrl);
    const window = fakeContents(1, url);
    senders.add(window.contents);
    expect(senders.isTrusted(invokeEvent(window.contents, window.mainFrame))).toBe(false);
  });

  it('refuses a window it was not given, a subframe, and a destroyed window', () => {
    const senders = createTrustedSenders(appUrl);
    const stranger = fakeContents(2, appUrl);
    expect(senders.isTrusted(invokeEvent(stranger.contents, stranger.mainFrame))).toBe(false);

    const window = fakeContents(1, appUrl);
    senders.add(window.contents);
    const subframe = { url: appUrl } as WebFrameMain;
    expect(senders.isTrusted(invokeEvent(window.contents, subframe))).toBe(false);
    expect(senders.isTrusted(invokeEvent(window.contents, null))).toBe(false);

    window.destroy();
    expect(senders.isTrusted(invokeEvent(window.contents, window.mainFrame))).toBe(false);
  });

  it('under the dev server trusts that origin and not app://', () => {
    const senders = createTrustedSenders('http://localhost:5173/');
    const dev = fakeContents(1, 'http://localhost:5173/#/keys');
    const packaged = fakeContents(2, appUrl);
    senders.add(dev.contents);
    senders.add(packaged.contents);
    expect(senders.isTrusted(invokeEvent(dev.contents, dev.mainFrame))).toBe(true);
    expect(senders.isTrusted(invokeEvent(packaged.contents, packaged.mainFrame))).toBe(false);
  });
});
