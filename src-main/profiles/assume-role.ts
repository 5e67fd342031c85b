import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { KeywardError } from '../../src-shared/errors';
import type { ClientFactory } from '../aws/client-factory';
import { mapAwsError } from '../aws/map-aws-error';
import type { AwsPrincipal } from '../aws/principal';
import { principalTypeOf } from './identity-check';
import type { StoredProfile, VerifiedIdentity } from './profile-store';

type AssumeRoleProfile = Extract<StoredProfile, { kind: 'assume-role' }>;

export interface RoleSession {
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string;
    readonly expiration: Date;
  };
  readonly identity: VerifiedIdentity;
}

/** STS AssumeRole as the source profile, with the external id and MFA code the role may require. */
export async function assumeRole(
  aws: ClientFactory,
  source: AwsPrincipal,
  profile: Pick<
    AssumeRoleProfile,
    'roleArn' | 'externalId' | 'sessionName' | 'durationSeconds' | 'mfaSerial' | 'defaultRegion'
  >,
  mfaCode: string | undefined,
): Promise<RoleSession> {
  const sts = await aws.client(STSClient, source, profile.defaultRegion, { maxAttempts: 2 });
  try {
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: profile.roleArn,
        RoleSessionName: profile.sessionName,
        DurationSeconds: profile.durationSeconds,
        ...(profile.externalId ? { ExternalId: profile.externalId } : {}),
        ...(profile.mfaSerial && mfaCode
          ? { SerialNumber: profile.mfaSerial, TokenCode: mfaCode }
          : {}),
      }),
    );
    const credentials = answer.Credentials;
    const arn = answer.AssumedRoleUser?.Arn;
    if (
      !credentials?.AccessKeyId ||
      !credentials.SecretAccessKey ||
      !credentials.SessionToken ||
      !credentials.Expiration ||
      !arn
    ) {
      throw new KeywardError('internal', 'AssumeRole answered without credentials.');
    }
    return {
      credentials: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration,
      },
      identity: {
        accountId: arn.split(':')[4] ?? '',
        arn,
        principalType: principalTypeOf(arn),
        verifiedAt: new Date().toISOString(),
      },
    };
  } catch (error) {
    const mapped = mapAwsError(error, 'sts', 'AssumeRole');
    if (mapped.code === 'access-denied') {
      throw new KeywardError('access-denied', mapped.message, {
        aws: mapped.aws,
        hint: 'The role’s trust policy did not let the source profile in. Check the role ARN, the external id, and the MFA code if the role needs one.',
      });
    }
    throw mapped;
  }
}
