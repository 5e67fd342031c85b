import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ProfileSummary } from '../../src-shared/models/profile';
import { clientConfig, type AwsTarget } from '../aws/client-config';
import { mapAwsError } from '../aws/map-aws-error';
import type { VerifiedIdentity } from './profile-store';

export function principalTypeOf(arn: string): NonNullable<ProfileSummary['principalType']> {
  const resource = arn.split(':')[5] ?? '';
  if (resource === 'root') return 'root';
  if (resource.startsWith('user/')) return 'user';
  if (resource.startsWith('assumed-role/')) return 'assumed-role';
  if (resource.startsWith('federated-user/')) return 'federated-user';
  return 'unknown';
}

/** Who a set of credentials is: STS GetCallerIdentity, the check every profile passes before use. */
export async function checkIdentity(
  target: AwsTarget,
  region: string,
  now = new Date(),
): Promise<VerifiedIdentity> {
  const sts = new STSClient({ ...clientConfig(target, region), maxAttempts: 2 });
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    if (!answer.Account || !answer.Arn)
      throw new Error('GetCallerIdentity answered without Account or Arn');
    return {
      accountId: answer.Account,
      arn: answer.Arn,
      principalType: principalTypeOf(answer.Arn),
      verifiedAt: now.toISOString(),
    };
  } catch (error) {
    throw mapAwsError(error, 'sts', 'GetCallerIdentity');
  } finally {
    sts.destroy();
  }
}
