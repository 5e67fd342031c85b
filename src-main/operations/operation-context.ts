import type { Logger } from '../log/logger';

/** What every handler and service call gets: who to log to, and the id that ties the lines together. */
export interface CallContext {
  readonly correlationId: string;
  readonly logger: Logger;
}

/** What a long job gets: a cancel signal and a progress reporter. */
export interface OperationContext extends CallContext {
  readonly signal: AbortSignal;
  /**
   * Reports step `step` (0-based) of `stepCount`, with an optional fraction of the whole job and
   * facts the user needs during the step (`detail`, never a secret), and results so far
   * (`partial`, checked against the operation's `partial` schema).
   */
  progress(
    step: number,
    stepCount: number,
    title: string,
    value?: number,
    detail?: Readonly<Record<string, string>>,
    partial?: unknown,
  ): void;
}
