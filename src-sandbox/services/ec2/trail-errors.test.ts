import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateVolumeCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../trail/types';
import { errorOf, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

async function lastRecord(profile: string, eventName: string): Promise<CloudTrailRecord> {
  const trail = new CloudTrailClient(kit.t.client(profile));
  const page = await trail.send(
    new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
      MaxResults: 1,
    }),
  );
  return JSON.parse(page.Events?.[0]?.CloudTrailEvent ?? '{}') as CloudTrailRecord;
}

describe('EC2 errors in CloudTrail', () => {
  it('carry the Client. prefix in errorCode while the API answers the bare code', async () => {
    const missing = await errorOf(
      kit.ec2().send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0123456789abcdef0'] })),
    );
    expect(missing.name).toBe('InvalidSnapshot.NotFound');
    expect(await lastRecord('prod', 'DescribeSnapshots')).toMatchObject({
      eventSource: 'ec2.amazonaws.com',
      errorCode: 'Client.InvalidSnapshot.NotFound',
      errorMessage: missing.message,
    });

    const denied = await errorOf(
      kit
        .ec2('prod-developer')
        .send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 })),
    );
    expect(denied.name).toBe('UnauthorizedOperation');
    expect((await lastRecord('prod', 'CreateVolume')).errorCode).toBe(
      'Client.UnauthorizedOperation',
    );
  });
});
