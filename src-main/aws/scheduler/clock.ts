/** Monotonic time and timers, injected so the scheduler can be tested without real sleeps. */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `run` after `ms`; the returned function cancels it. */
  schedule(run: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  schedule(run, ms) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};
