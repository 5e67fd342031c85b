import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import { silentLogger } from '../log/logger';
import { useWorkflows } from '../workflows/testing/workflow-test-kit';
import { createZonesHandlers } from './zones-handlers';

const kit = useWorkflows();
const call = { correlationId: 't', logger: silentLogger };
const list = createZonesHandlers(kit.ctx)['zones.list'];

/** A profile of account 222222222222 whose IAM user may only read volumes. */
async function volumesOnlyProfile(): Promise<string> {
  const iam = new IAMClient(kit.sandbox.t.client('backup'));
  await iam.send(new CreateUserCommand({ UserName: 'volume-reader' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'volume-reader',
      PolicyName: 'volumes-only',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeVolumes', Resource: '*' }],
      }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'volume-reader' }));
  kit.addProfile('backup-volume-reader', '222222222222', {
    accessKeyId: key.AccessKey?.AccessKeyId ?? '',
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
  });
  return 'backup-volume-reader';
}

describe('zones.list', () => {
  it('lists the zones of the profile’s own account in the Region asked, with id and state', async () => {
    expect(await list({ profileId: 'prod', region: 'us-east-1' }, call)).toEqual([
      { name: 'us-east-1a', id: 'use1-az1', state: 'available' },
      { name: 'us-east-1b', id: 'use1-az2', state: 'available' },
      { name: 'us-east-1c', id: 'use1-az3', state: 'available' },
    ]);
    // The other account names the same physical zones its own way.
    expect(await list({ profileId: 'backup', region: 'us-east-1' }, call)).toEqual([
      { name: 'us-east-1a', id: 'use1-az2', state: 'available' },
      { name: 'us-east-1b', id: 'use1-az3', state: 'available' },
      { name: 'us-east-1c', id: 'use1-az1', state: 'available' },
    ]);
    const west = await list({ profileId: 'backup', region: 'eu-west-1' }, call);
    expect(west.map((z) => z.name)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('says access denied, with AWS’s code, when the profile may not describe zones', async () => {
    const profileId = await volumesOnlyProfile();
    const failure: unknown = await Promise.resolve(
      list({ profileId, region: 'us-east-1' }, call),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KeywardError);
    expect(failure).toMatchObject({
      code: 'access-denied',
      aws: { code: 'UnauthorizedOperation' },
    });
  });
});
