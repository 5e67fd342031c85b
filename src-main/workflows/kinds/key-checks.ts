import { KeywardError } from '../../../src-shared/errors';
import type { PreflightCheck } from '../../../src-shared/models/workflow-plan';
import { awsErrorCode } from '../../aws/map-aws-error';
import { describeKey } from '../../key-operations/describe-key';
import type { StepPlace } from '../step-kind';

/**
 * The key a copy is encrypted with must exist in the destination Region (keys are regional), be
 * enabled, and be a symmetric encryption key (the only kind EBS takes).
 */
export async function destinationKeyCheck(
  place: StepPlace,
  keyId: string,
): Promise<PreflightCheck> {
  const { stepId, region } = place;
  let key;
  try {
    key = await describeKey(place.ctx, { profileId: place.profileId, region, keyId });
  } catch (error) {
    if (error instanceof KeywardError && error.retryable) throw error;
    const code = awsErrorCode(error);
    const message =
      code === 'NotFoundException'
        ? `Key ${keyId} does not exist in ${region}. KMS keys are regional: choose a key that lives in ${region}.`
        : `Key ${keyId} cannot be read in ${region}: ${(error as Error).message}`;
    return { stepId, status: 'failed', message };
  }
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' || key.keyUsage !== 'ENCRYPT_DECRYPT') {
    return {
      stepId,
      status: 'failed',
      message: `Key ${key.arn} is ${key.keySpec} for ${key.keyUsage}; EBS encrypts only with symmetric encryption keys.`,
    };
  }
  if (key.keyState !== 'Enabled') {
    return {
      stepId,
      status: 'failed',
      message: `Key ${key.arn} is ${key.keyState}: a copy encrypted with it would end in error ("Given key ID is not accessible").`,
      ...(key.keyState === 'Disabled' && key.keyManager === 'CUSTOMER'
        ? {
            fix: {
              title: `Enable key ${key.arn} first`,
              step: {
                id: 'enable-key',
                kind: 'enable-key',
                profileId: place.profileId,
                region,
                params: { keyId: key.arn },
              },
            },
          }
        : {}),
    };
  }
  return {
    stepId,
    status: key.keyManager === 'AWS' ? 'warning' : 'ok',
    message:
      key.keyManager === 'AWS'
        ? `Key ${key.arn} is the AWS managed EBS key: the copy cannot be shared with another account.`
        : `Key ${key.arn} is enabled in ${region}.`,
  };
}
