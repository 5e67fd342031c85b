import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserSession } from './browser-session';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const CODE = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg';

function answering(status: number, body: string) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(body, { status }));
}

const sessionIn = (fetch: (url: string, init: RequestInit) => Promise<Response>) =>
  startBrowserSession({
    location: window.location,
    storage: window.sessionStorage,
    history: window.history,
    fetch,
  });

beforeEach(() => window.sessionStorage.clear());

describe('browser-mode session', () => {
  it('moves the printed token from the fragment into session storage and clears the address bar', async () => {
    window.history.replaceState(null, '', `/#token=${TOKEN}`);
    const fetch = answering(500, '');
    expect(await sessionIn(fetch)).toEqual({ state: 'ready', token: TOKEN });
    expect(window.location.hash).toBe('#/');
    expect(await sessionIn(fetch)).toEqual({ state: 'ready', token: TOKEN });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('trades a launch code for the token once, and keeps neither in the address bar', async () => {
    window.history.replaceState(null, '', `/#launch=${CODE}`);
    const fetch = answering(200, JSON.stringify({ token: TOKEN }));
    expect(await sessionIn(fetch)).toEqual({ state: 'ready', token: TOKEN });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/launch');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ code: CODE }) });
    expect(window.location.hash).toBe('#/');
    // A reload finds the token in this tab's storage and exchanges nothing.
    expect(await sessionIn(fetch)).toEqual({ state: 'ready', token: TOKEN });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says when the host refuses the launch code (used or expired)', async () => {
    window.history.replaceState(null, '', `/#launch=${CODE}`);
    const fetch = answering(410, 'This launch code was already used or has expired.');
    expect(await sessionIn(fetch)).toEqual({ state: 'launch-refused' });
    expect(window.location.hash).toBe('#/');
  });

  it('has no session when the page is opened without either', async () => {
    window.history.replaceState(null, '', '/');
    expect(await sessionIn(answering(500, ''))).toEqual({ state: 'none' });
  });
});
