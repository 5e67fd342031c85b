import { SANDBOX_SCOPE } from '../../seed/seeder';
import type { StoreReader } from '../../state/store-types';
import {
  DEFAULT_ASYNC_DURATION_MS,
  EC2_SANDBOX_SETTINGS,
  EC2_SETTINGS_ID,
  type AsyncWork,
} from './model';

/**
 * How long new asynchronous work lasts: the `ec2:sandbox-settings` document (tests write
 * `asyncDurationMs: 0` for instant completion), else env `KEYWARD_SANDBOX_EC2_ASYNC_MS`, else 4 s.
 */
export function asyncDurationMs(store: StoreReader): number {
  const doc = store.get(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID);
  if (doc) return Math.max(0, doc.asyncDurationMs);
  const env = Number(process.env.KEYWARD_SANDBOX_EC2_ASYNC_MS);
  return Number.isFinite(env) && env >= 0 && process.env.KEYWARD_SANDBOX_EC2_ASYNC_MS !== ''
    ? env
    : DEFAULT_ASYNC_DURATION_MS;
}

export interface WorkState {
  readonly phase: 'running' | 'done' | 'failed';
  /** 0…100; 100 only when done. */
  readonly percent: number;
  readonly failureMessage?: string;
}

/** Derives the state of asynchronous work from the elapsed time (no ticker needed). */
export function workState(work: AsyncWork, nowMs: number): WorkState {
  const elapsed = nowMs - work.startedAtMs;
  if (elapsed >= work.durationMs) {
    return work.failureMessage === undefined
      ? { phase: 'done', percent: 100 }
      : { phase: 'failed', percent: 0, failureMessage: work.failureMessage };
  }
  const percent = Math.min(99, Math.max(0, Math.floor((elapsed / work.durationMs) * 100)));
  return { phase: 'running', percent };
}

/** Fields for new asynchronous work started now. */
export function startWork(store: StoreReader, now: Date, failureMessage?: string): AsyncWork {
  return {
    startedAtMs: now.getTime(),
    durationMs: asyncDurationMs(store),
    ...(failureMessage === undefined ? {} : { failureMessage }),
  };
}

/** Work that finished long ago (seeded resources). */
export function finishedWork(at: Date): AsyncWork {
  return { startedAtMs: at.getTime(), durationMs: 0 };
}
