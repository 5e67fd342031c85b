import { KeywardError } from '../../../src-shared/errors';
import type { StepEnv } from '../step-kind';

export interface MadeOnce {
  /** The API call that makes it ("CreateVolume") and what its answer names ("a volume id"). */
  readonly operation: string;
  readonly what: string;
  /** What an earlier, interrupted attempt of this step made (found by the run-id tags). */
  find(): Promise<string | undefined>;
  /** Sends the call; the id of what it made. */
  create(): Promise<string | undefined>;
}

/**
 * The id of what a step creates, made at most once: a resumed step takes over what an
 * interrupted attempt made instead of making it again (the 'sent' checkpoint is where tests cut in).
 */
export async function madeOnce(env: StepEnv, made: MadeOnce): Promise<string> {
  const earlier = await made.find();
  if (earlier) return earlier;
  const id = await made.create();
  env.checkpoint('sent');
  if (!id) throw new KeywardError('internal', `${made.operation} answered without ${made.what}.`);
  return id;
}
