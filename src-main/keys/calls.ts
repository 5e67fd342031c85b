import { KeywardError } from '../../src-shared/errors';

const THROTTLE_RETRIES = 6;

function isThrottle(error: unknown): boolean {
  return error instanceof KeywardError && error.code === 'throttled';
}

function isCancel(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true ||
    (error instanceof KeywardError && error.code === 'cancelled') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * One AWS call of the inventory. The scheduler keeps within quotas and the SDK retries what still
 * throttles (another app on the same account shares its quota); should a throttle outlast those
 * retries, it is retried here with a longer backoff rather than shown — a read can wait.
 */
export async function call<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isThrottle(error) || attempt >= THROTTLE_RETRIES || signal?.aborted) throw error;
      await sleep(200 * 2 ** attempt * (0.5 + Math.random()), signal);
    }
  }
}

/** A failure that stops the whole read, not just one part of one row. */
export function stopsTheRead(error: unknown, signal: AbortSignal | undefined): boolean {
  if (isCancel(error, signal)) return true;
  if (!(error instanceof KeywardError)) return true;
  return [
    'credentials-invalid',
    'credentials-missing',
    'network',
    'network-unreachable',
    'secret-store-locked',
  ].includes(error.code);
}

/** The row's record of a part it could not read. */
export function fetchError(callName: string, error: unknown) {
  if (error instanceof KeywardError) {
    return {
      call: callName,
      code: error.aws?.code ?? error.code,
      message: error.message.slice(0, 2000),
    };
  }
  return { call: callName, code: 'internal', message: String(error).slice(0, 2000) };
}

/** Runs `work` over `items`, at most `limit` at a time (the scheduler paces the calls inside). */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
