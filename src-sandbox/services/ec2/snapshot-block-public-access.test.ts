import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotAttributeCommand,
  DisableSnapshotBlockPublicAccessCommand,
  EnableSnapshotBlockPublicAccessCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { errorOf, useEc2Kit } from './test-kit';

const kit = useEc2Kit();

describe('snapshot block public access', () => {
  it('refuses making a snapshot public while enabled in the Region, and allows it once disabled', async () => {
    const ec2 = kit.ec2();
    const state = async () =>
      (await ec2.send(new GetSnapshotBlockPublicAccessStateCommand({}))).State;
    expect(await state()).toBe('unblocked');
    const vol = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }),
    );
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId }));
    const makePublic = () =>
      ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: snap.SnapshotId,
          CreateVolumePermission: { Add: [{ Group: 'all' }] },
        }),
      );

    const enabled = await ec2.send(
      new EnableSnapshotBlockPublicAccessCommand({ State: 'block-new-sharing' }),
    );
    expect(enabled.State).toBe('block-new-sharing');
    expect(await state()).toBe('block-new-sharing');
    expect(
      await kit.ec2('prod', 'us-west-2').send(new GetSnapshotBlockPublicAccessStateCommand({})),
    ).toMatchObject({ State: 'unblocked' });
    expect((await errorOf(makePublic())).name).toBe('OperationNotPermitted');

    const disabled = await ec2.send(new DisableSnapshotBlockPublicAccessCommand({}));
    expect(disabled.State).toBe('unblocked');
    await makePublic();
    const attr = await ec2.send(
      new DescribeSnapshotAttributeCommand({
        SnapshotId: snap.SnapshotId,
        Attribute: 'createVolumePermission',
      }),
    );
    expect(attr.CreateVolumePermissions).toEqual([{ Group: 'all' }]);
  });
});
