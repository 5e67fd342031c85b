import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import type { ProfileService } from '../profile-service';

export interface UserKey {
  readonly id: string;
  readonly secret: string;
}

async function prodIam(profiles: Pick<ProfileService, 'resolver'>): Promise<IAMClient> {
  const admin = (await profiles.resolver.principal('sandbox:prod')).target;
  return new IAMClient({
    region: 'us-east-1',
    ...(admin.endpoint ? { endpoint: admin.endpoint } : {}),
    credentials: admin.credentials,
  });
}

/** A new IAM user in the sandbox's prod account with an access key, as its administrator makes one. */
export async function createSandboxUserKey(
  profiles: Pick<ProfileService, 'resolver'>,
  userName: string,
): Promise<UserKey> {
  await (await prodIam(profiles)).send(new CreateUserCommand({ UserName: userName }));
  return createSandboxAccessKey(profiles, userName);
}

/** Another access key of an existing user in prod (a rotation). */
export async function createSandboxAccessKey(
  profiles: Pick<ProfileService, 'resolver'>,
  userName: string,
): Promise<UserKey> {
  const iam = await prodIam(profiles);
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) {
    throw new Error(`the sandbox returned no access key for ${userName}`);
  }
  return { id: AccessKey.AccessKeyId, secret: AccessKey.SecretAccessKey };
}
