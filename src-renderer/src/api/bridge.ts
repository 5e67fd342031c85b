import type { KeywardBridge } from '../../../src-shared/contract/bridge';
import { startBrowserSession } from './browser-session';
import { createHostStatus, probeHost, type HostStatus } from './host-status';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    keyward?: KeywardBridge;
  }
}

export type ResolvedBridge =
  | {
      readonly bridge: KeywardBridge;
      /** Browser mode: whether the host this tab came from still runs. */
      readonly hostStatus?: HostStatus;
    }
  | { readonly bridge: null; readonly why: 'no-session' | 'launch-refused' };

/** Electron's preload installs `window.keyward`; in browser mode the page builds the HTTP bridge. */
export async function resolveBridge(): Promise<ResolvedBridge> {
  if (window.keyward) return { bridge: window.keyward };
  const session = await startBrowserSession({
    location: window.location,
    storage: window.sessionStorage,
    history: window.history,
    fetch: (input, init) => window.fetch(input, init),
  });
  if (session.state !== 'ready') {
    return { bridge: null, why: session.state === 'none' ? 'no-session' : 'launch-refused' };
  }
  const shown = () => document.visibilityState === 'visible';
  const hostStatus = createHostStatus({ probe: () => probeHost(session.token), isActive: shown });
  document.addEventListener('visibilitychange', () => {
    if (shown()) hostStatus.check();
  });
  return { bridge: createHttpBridge(session.token, hostStatus), hostStatus };
}
