const TOKEN_KEY = 'keyward.token';

export type BrowserSession =
  | { readonly state: 'ready'; readonly token: string }
  | { readonly state: 'launch-refused' }
  | { readonly state: 'none' };

export interface SessionSources {
  readonly location: Location;
  readonly storage: Storage;
  readonly history: History;
  readonly fetch: Fetch;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Browser mode opens this page with the session token in the fragment (the address printed to
 * the user's terminal) or with a single-use launch code (the window Keyward opens itself, whose
 * address is on a command line other users can read), which the page trades for the token once.
 * The token is kept for this tab only, and neither stays in the address bar.
 */
export async function startBrowserSession(sources: SessionSources): Promise<BrowserSession> {
  const { location, storage, history } = sources;
  const [, kind, value] = /^#(token|launch)=([A-Za-z0-9_-]{22,})$/.exec(location.hash) ?? [];
  if (value) history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (kind === 'token' && value) storage.setItem(TOKEN_KEY, value);
  if (kind === 'launch' && value) {
    const token = await exchangeLaunchCode(value, sources.fetch);
    if (!token) return { state: 'launch-refused' };
    storage.setItem(TOKEN_KEY, token);
  }
  const token = storage.getItem(TOKEN_KEY);
  return token ? { state: 'ready', token } : { state: 'none' };
}

async function exchangeLaunchCode(code: string, fetchFn: Fetch): Promise<string | null> {
  try {
    const response = await fetchFn('/api/launch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === 'string' ? body.token : null;
  } catch {
    return null;
  }
}
