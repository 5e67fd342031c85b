import type { Logger } from '../log/logger';

/**
 * One AWS API call as Keyward made it: never its parameters (they may carry secrets or
 * plaintext), only what the details view, "the exact calls this made" and the activity record
 * need.
 */
export interface AwsCallRecord {
  readonly service: string;
  readonly operation: string;
  readonly profileId: string | null;
  readonly account: string | null;
  readonly region: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Of `durationMs`, the time spent waiting for the request quotas and a connection. */
  readonly waitedMs: number;
  /** `ok`, `cancelled`, or the error code (AWS's, or Keyward's when AWS never answered). */
  readonly outcome: string;
  readonly httpStatus: number | null;
  readonly requestId: string | null;
  readonly attempts: number;
}

export interface CallLog {
  record(call: AwsCallRecord): void;
  /** The latest calls, oldest first. */
  recent(): readonly AwsCallRecord[];
}

/** The last `capacity` calls in memory, and one log line per call. */
export function createCallLog(logger: Logger, capacity = 2000): CallLog {
  const ring: AwsCallRecord[] = [];
  let next = 0;
  return {
    record(call) {
      if (ring.length < capacity) ring.push(call);
      else ring[next] = call;
      next = (next + 1) % capacity;
      logger.log(call.outcome === 'ok' ? 'info' : 'warn', 'aws call', { ...call });
    },
    recent() {
      return ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)];
    },
  };
}
