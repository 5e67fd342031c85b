import type { FaultController } from './fault-spec';

/** What a protocol answers for an injected fault, in that service's own error shape. */
export interface FaultReplies<R> {
  /** The service's throttling error (the SDK must classify it as throttling and retry). */
  readonly throttle: () => R;
  /** The service's internal server error (5xx: the SDK retries it as transient). */
  readonly error5xx: () => R;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies the configured faults to one API call before it runs: waits out the latency, then
 * answers `'destroy'` (drop the connection), the service's throttling or 5xx reply, or
 * `undefined` when the call should go ahead. Injected failures never reach the handler, so they
 * change no state and leave no CloudTrail event.
 */
export async function applyFaults<R>(
  faults: FaultController,
  service: string,
  operation: string,
  replies: FaultReplies<R>,
  region?: string,
): Promise<R | 'destroy' | undefined> {
  const fault = faults.decide(service, operation, region);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  switch (fault.action) {
    case 'reset':
      return 'destroy';
    case 'throttle':
      return replies.throttle();
    case 'error5xx':
      return replies.error5xx();
    case undefined:
      return undefined;
  }
}
