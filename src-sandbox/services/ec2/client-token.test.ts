import {
  CopyImageCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { PROD_AMI_WEB } from '../../seed/ec2';
import { errorOf, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('ClientToken idempotency', () => {
  it('answers a repeated CreateVolume with the first volume and refuses other parameters', async () => {
    const ec2 = kit.ec2();
    const request = {
      AvailabilityZone: 'us-east-1a',
      Size: 3,
      ClientToken: 'kw-volume-0001',
      TagSpecifications: [
        { ResourceType: 'volume' as const, Tags: [{ Key: 'Name', Value: 'idempotent' }] },
      ],
    };
    const first = await ec2.send(new CreateVolumeCommand(request));
    const again = await ec2.send(new CreateVolumeCommand(request));
    expect(again.VolumeId).toBe(first.VolumeId);
    const tagged = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['idempotent'] }] }),
    );
    expect(tagged.Volumes?.map((v) => v.VolumeId)).toEqual([first.VolumeId]);

    const mismatch = await errorOf(ec2.send(new CreateVolumeCommand({ ...request, Size: 4 })));
    expect(mismatch.name).toBe('IdempotentParameterMismatch');
    // Tokens are per Region.
    const west = await kit
      .ec2('prod', 'us-west-2')
      .send(new CreateVolumeCommand({ ...request, AvailabilityZone: 'us-west-2a' }));
    expect(west.VolumeId).not.toBe(first.VolumeId);
  });

  it('answers repeated RunInstances and CopyImage with the first instance and image', async () => {
    const ec2 = kit.ec2();
    const run = {
      ImageId: PROD_AMI_WEB,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro' as const,
      ClientToken: 'kw-run-0001',
    };
    const first = await ec2.send(new RunInstancesCommand(run));
    const again = await ec2.send(new RunInstancesCommand(run));
    expect(again.Instances?.[0]?.InstanceId).toBe(first.Instances?.[0]?.InstanceId);
    expect((await errorOf(ec2.send(new RunInstancesCommand({ ...run, MaxCount: 2 })))).name).toBe(
      'IdempotentParameterMismatch',
    );

    const copy = {
      SourceImageId: PROD_AMI_WEB,
      SourceRegion: 'us-east-1',
      Name: 'web-copy',
      ClientToken: 'kw-copy-0001',
    };
    const west = kit.ec2('prod', 'us-west-2');
    const image = await west.send(new CopyImageCommand(copy));
    expect((await west.send(new CopyImageCommand(copy))).ImageId).toBe(image.ImageId);
  });
});
