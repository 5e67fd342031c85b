import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import type { ProfileService } from '../profile-service';

export interface UserKey {
  readonly id: string;
  readonly secret: string;
}

/** A new IAM user in the sandbox's prod account with an access key, as its administrator makes one. */
export async function createSandboxUserKey(
  profiles: Pick<ProfileService, 'resolver'>,
  userName: string,
): Promise<UserKey> {
  const admin = (await profiles.resolver.principal('sandbox:prod')).target;
  const iam = new IAMClient({
    region: 'us-east-1',
    ...(admin.endpoint ? { endpoint: admin.endpoint } : {}),
    credentials: admin.credentials,
  });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) {
    throw new Error(`the sandbox returned no access key for ${userName}`);
  }
  return { id: AccessKey.AccessKeyId, secret: AccessKey.SecretAccessKey };
}
