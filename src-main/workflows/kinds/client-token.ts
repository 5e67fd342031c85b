import { createHash } from 'node:crypto';
import type { StepAt } from '../step-kind';

/**
 * EC2's idempotency token for a step of a run (at most 64 ASCII characters): the same step of the
 * same run always sends the same token, so a call resent after a crash returns what the first made.
 */
export function clientToken(at: Pick<StepAt, 'runId' | 'stepId'>): string {
  const digest = createHash('sha256').update(`${at.runId}/${at.stepId}`).digest('hex');
  return `keyward-${digest.slice(0, 48)}`;
}
