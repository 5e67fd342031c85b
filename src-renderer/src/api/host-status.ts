/**
 * Whether the browser-mode host this tab was opened from is still there. A tab outlives its
 * Keyward: after a restart the address answers a new launch that refuses this tab's token (or
 * nobody answers at all), and the page must say so instead of failing call after call.
 */
export type HostState = 'running' | 'restarted' | 'gone';

/** What one request found: the host answered, refused this tab's token, or could not be reached. */
export type ProbeResult = 'ok' | 'refused' | 'unreachable';

export interface HostStatus {
  readonly state: () => HostState;
  subscribe(listener: () => void): () => void;
  /** What a request of the page met; `unreachable` is confirmed before it is believed. */
  report(result: Exclude<ProbeResult, 'ok'>): void;
  /** Ask the host now (the tab became visible again). */
  check(): void;
  dispose(): void;
}

export interface HostStatusOptions {
  /** One request to the host with this tab's token. */
  readonly probe: () => Promise<ProbeResult>;
  /** After a request found no host: the waits before each confirming probe (two by default). */
  readonly confirmDelaysMs?: readonly number[];
  /** How often the host is asked while the tab is shown, and, once gone, whether it is back. */
  readonly pollMs?: number;
  /** Polls are skipped while this says no (a hidden tab). */
  readonly isActive?: () => boolean;
}

/**
 * `running` until the host refuses the token (`restarted`: final, the token will never work
 * again) or stays unreachable through every confirming probe (`gone`: a blip in between keeps
 * it running). A gone host is still polled, so the page can tell when a Keyward starts again at
 * this address (restarted) or the same one answers after all (running).
 */
export function createHostStatus(options: HostStatusOptions): HostStatus {
  const confirmDelays = options.confirmDelaysMs ?? [1000, 2000];
  const pollMs = options.pollMs ?? 5000;
  const isActive = options.isActive ?? (() => true);
  const listeners = new Set<() => void>();
  let state: HostState = 'running';
  /** Confirming probes sent since the host was last reached; -1 while nothing is in doubt. */
  let confirmStep = -1;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function set(next: HostState): void {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }

  function schedule(delayMs: number, run: () => void): void {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }

  function schedulePoll(): void {
    schedule(pollMs, () => (isActive() ? void probe() : schedulePoll()));
  }

  async function probe(): Promise<void> {
    if (inFlight) return;
    inFlight = true;
    clearTimeout(timer);
    const result = await options.probe();
    inFlight = false;
    if (!disposed) handle(result);
  }

  function handle(result: ProbeResult): void {
    if (state === 'restarted') return;
    if (result === 'refused') {
      // The token will never work again: nothing more to ask.
      clearTimeout(timer);
      return set('restarted');
    }
    if (result === 'ok') {
      confirmStep = -1;
      set('running');
      return schedulePoll();
    }
    if (state === 'gone') return schedulePoll();
    confirmStep += 1;
    const delay = confirmDelays[confirmStep];
    if (delay !== undefined) return schedule(delay, () => void probe());
    confirmStep = -1;
    set('gone');
    schedulePoll();
  }

  schedulePoll();

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report(result) {
      if (disposed) return;
      if (result === 'refused') return handle(result);
      // An answer in flight, or a confirmation under way, will tell.
      if (state === 'running' && confirmStep === -1 && !inFlight) handle(result);
    },
    check() {
      if (!disposed && state !== 'restarted' && confirmStep === -1) void probe();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      listeners.clear();
    },
  };
}

const TOKEN_HEADER = 'X-Keyward-Token';

/** Asks the host whether it still takes `token`: 2xx ok, 401/403 refused, no answer unreachable. */
export async function probeHost(
  token: string,
  fetchFn: (url: string, init: RequestInit) => Promise<Response> = (url, init) =>
    window.fetch(url, init),
): Promise<ProbeResult> {
  try {
    const response = await fetchFn('/api/ping', {
      headers: { [TOKEN_HEADER]: token },
      cache: 'no-store',
    });
    return statusResult(response.status);
  } catch {
    return 'unreachable';
  }
}

/** 401/403 mean the host at this address does not know this tab's token; anything else is an answer. */
export const statusResult = (status: number): ProbeResult =>
  status === 401 || status === 403 ? 'refused' : 'ok';
