import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { KeywardError } from '../../src-shared/errors';
import type { ProfileSummary } from '../../src-shared/models/profile';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
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
  aws: ClientFactory,
  principal: AwsPrincipal,
  region: string,
  now = new Date(),
): Promise<VerifiedIdentity> {
  const sts = await aws.client(STSClient, principal, region, { maxAttempts: 2 });
  const answer = await sts.send(new GetCallerIdentityCommand({}));
  if (!answer.Account || !answer.Arn) {
    throw new KeywardError('internal', 'GetCallerIdentity answered without Account or Arn.');
  }
  return {
    accountId: answer.Account,
    arn: answer.Arn,
    principalType: principalTypeOf(answer.Arn),
    verifiedAt: now.toISOString(),
  };
}
