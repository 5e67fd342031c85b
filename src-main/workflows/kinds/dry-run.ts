import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { KeywardError } from '../../../src-shared/errors';
import { awsErrorCode } from '../../aws/map-aws-error';

/**
 * Sends an EC2 call with DryRun (reference §3.7): `DryRunOperation` means it would succeed;
 * anything else is what the real call would meet, said before any change.
 */
export async function dryRunCheck(
  stepId: string,
  operation: string,
  send: () => Promise<unknown>,
): Promise<PreflightCheck> {
  try {
    await send();
  } catch (error) {
    const code = awsErrorCode(error);
    if (code === 'DryRunOperation') {
      return { stepId, status: 'ok', message: `${operation} would succeed (EC2 DryRun).` };
    }
    // Throttling says nothing about the call: the engine retries the check.
    if (error instanceof KeywardError && error.retryable) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const requestId = error instanceof KeywardError ? error.aws?.requestId : undefined;
    const suffix = requestId ? ` (request id ${requestId})` : '';
    if (code === 'UnauthorizedOperation') {
      return {
        stepId,
        status: 'failed',
        message: `${operation} is not allowed for this profile: its IAM policies must allow ec2:${operation}${suffix}.`,
      };
    }
    return { stepId, status: 'failed', message: `${operation} would fail: ${message}${suffix}` };
  }
  return {
    stepId,
    status: 'warning',
    message: `${operation} DryRun answered without the DryRunOperation code; the call may still fail.`,
  };
}
