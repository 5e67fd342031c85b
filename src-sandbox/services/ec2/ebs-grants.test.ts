import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  CreateGrantCommand,
  CreateKeyCommand,
  KMSClient,
  ListGrantsCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { PROD_AMI_WEB } from '../../seed/ec2';
import { errorOf, useEc2Kit } from './test-kit';

const P = '111111111111';
const kit = useEc2Kit();

/** Everything for the account, but grants only for AWS resources (the console's EBS pattern). */
const ONLY_AWS_RESOURCE_GRANTS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${P}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'false' } },
    },
  ],
});

describe('grants EBS creates when it attaches an encrypted volume', () => {
  it('are for the instance aws:ec2-infrastructure session, retired by EC2, limited to the volume', async () => {
    const kms = new KMSClient(kit.t.client('prod'));
    const key = (await kms.send(new CreateKeyCommand({ Policy: ONLY_AWS_RESOURCE_GRANTS })))
      .KeyMetadata;
    const direct = await errorOf(
      kms.send(
        new CreateGrantCommand({
          KeyId: key?.KeyId,
          GranteePrincipal: `arn:aws:iam::${P}:user/admin`,
          Operations: ['Decrypt'],
        }),
      ),
    );
    expect(direct.name).toBe('AccessDeniedException');

    const run = await kit.ec2().send(
      new RunInstancesCommand({
        ImageId: PROD_AMI_WEB,
        MinCount: 1,
        MaxCount: 1,
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: key?.Arn } },
        ],
      }),
    );
    const instance = run.Instances?.[0];
    const volumeId = instance?.BlockDeviceMappings?.find((m) => m.DeviceName === '/dev/xvda')?.Ebs
      ?.VolumeId;
    expect(volumeId).toMatch(/^vol-/);

    const grants = (await kms.send(new ListGrantsCommand({ KeyId: key?.KeyId }))).Grants ?? [];
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      GranteePrincipal: `arn:aws:sts::${P}:assumed-role/aws:ec2-infrastructure/${instance?.InstanceId}`,
      RetiringPrincipal: 'ec2.us-east-1.amazonaws.com',
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { 'aws:ebs:id': volumeId } },
    });

    const trail = new CloudTrailClient(kit.t.client('prod'));
    const page = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: key?.Arn ?? '' }],
      }),
    );
    const created = (page.Events ?? [])
      .map((e) => JSON.parse(e.CloudTrailEvent ?? '{}') as Record<string, unknown>)
      .find((r) => r['eventName'] === 'CreateGrant' && r['errorCode'] === undefined);
    expect(created).toMatchObject({
      userIdentity: { arn: `arn:aws:iam::${P}:user/admin`, invokedBy: 'ec2.amazonaws.com' },
      requestParameters: { granteePrincipal: grants[0]?.GranteePrincipal },
      responseElements: { grantId: grants[0]?.GrantId },
    });
  });
});
