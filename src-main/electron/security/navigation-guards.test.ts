import { describe, expect, it } from 'vitest';
import { installNavigationGuards, type GuardedHost } from './navigation-guards';

type Listener = (event: { preventDefault(): void }, url?: string) => void;
type OpenHandler = (details: { url: string }) => { action: string };

// Fakes of app, the default session and shell: they record what the guards install.
function fakeHost() {
  const opened: string[] = [];
  let onContentsCreated: ((event: unknown, contents: unknown) => void) | undefined;
  let permissionRequest:
    ((c: unknown, p: string, callback: (ok: boolean) => void) => void) | undefined;
  let permissionCheck: (() => boolean) | undefined;
  const host = {
    app: {
      on: (name: string, listener: typeof onContentsCreated) => {
        if (name === 'web-contents-created') onContentsCreated = listener;
      },
    },
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof permissionRequest) => {
        permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: typeof permissionCheck) => {
        permissionCheck = handler;
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
  } as unknown as GuardedHost;

  /** A new web contents, as Electron would announce it, with its guards installed. */
  function createContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: OpenHandler | undefined;
    onContentsCreated!(
      {},
      {
        on: (name: string, listener: Listener) => listeners.set(name, listener),
        setWindowOpenHandler: (handler: OpenHandler) => (openHandler = handler),
      },
    );
    const allowed = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
      return !prevented;
    };
    return {
      navigates: (url: string) => allowed('will-navigate', url),
      redirects: (url: string) => allowed('will-redirect', url),
      attachesWebview: () => allowed('will-attach-webview'),
      opens: (url: string) => openHandler!({ url }),
    };
  }

  const permission = () => {
    let granted: boolean | undefined;
    permissionRequest!(undefined, 'media', (ok) => (granted = ok));
    return { granted, checked: permissionCheck!() };
  };
  return { host, opened, createContents, permission };
}

describe('navigation guards', () => {
  it.each([
    ['app://keyward/index.html#/keys', true],
    ['app://keyward/index.html', true],
    ['file:///opt/Keyward/resources/app.asar/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['app://evil/index.html', false],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
  ])('the packaged app navigates or redirects to %s: %s', (url, allowed) => {
    const fake = fakeHost();
    installNavigationGuards(fake.host, 'app://keyward/index.html');
    const contents = fake.createContents();
    expect(contents.navigates(url)).toBe(allowed);
    expect(contents.redirects(url)).toBe(allowed);
  });

  it('under the dev server stays on the dev server', () => {
    const fake = fakeHost();
    installNavigationGuards(fake.host, 'http://localhost:5173/');
    const contents = fake.createContents();
    expect(contents.navigates('http://localhost:5173/#/keys')).toBe(true);
    expect(contents.navigates('app://keyward/index.html')).toBe(false);
    expect(contents.navigates('http://localhost:5174/')).toBe(false);
  });

  it('opens no window and no webview; allow-listed AWS pages go to the browser', () => {
    const fake = fakeHost();
    installNavigationGuards(fake.host, 'app://keyward/index.html');
    const contents = fake.createContents();
    expect(contents.attachesWebview()).toBe(false);
    const docs = 'https://docs.aws.amazon.com/kms/latest/developerguide/overview.html';
    expect(contents.opens(docs)).toEqual({ action: 'deny' });
    expect(contents.opens('app://keyward/index.html')).toEqual({ action: 'deny' });
    expect(contents.opens('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual([docs]);
  });

  it('grants no permission', () => {
    const fake = fakeHost();
    installNavigationGuards(fake.host, 'app://keyward/index.html');
    expect(fake.permission()).toEqual({ granted: false, checked: false });
  });
});
