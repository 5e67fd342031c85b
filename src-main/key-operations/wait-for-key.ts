import { KeywardError } from '../../src-shared/errors';
import { describeKey, type KeyPlace } from './describe-key';
import type { KeyContext } from './key-context';

const POLL_MS = 1000;
const GIVE_UP_MS = 120_000;

/** A new replica is `Creating` for a few seconds; nothing else may be done to it until then. */
export async function waitWhileCreating(ctx: KeyContext, ref: KeyPlace, signal: AbortSignal) {
  const until = Date.now() + GIVE_UP_MS;
  for (;;) {
    const key = await describeKey(ctx, ref);
    if (key.keyState !== 'Creating') return key;
    if (signal.aborted) throw new KeywardError('cancelled', 'The operation was cancelled.');
    if (Date.now() > until) {
      throw new KeywardError(
        'unavailable',
        `${key.arn} is still being created after two minutes.`,
        {
          hint: 'AWS usually finishes in seconds: look at the key again in a while.',
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
