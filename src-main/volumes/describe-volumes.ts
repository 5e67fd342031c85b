import {
  DescribeVolumesCommand,
  paginateDescribeVolumes,
  type DescribeVolumesCommandInput,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type { VolumeRow } from '../../src-shared/models/volume';
import { collectPages } from '../aws/collect-pages';
import { parseAws } from '../key-operations/aws-shapes';
import { call } from '../keys/calls';

const volumeShape = z.object({
  VolumeId: z.string(),
  AvailabilityZone: z.string(),
  SnapshotId: z.string().optional(),
  State: z.string().optional(),
  Size: z.number().int().optional(),
  VolumeType: z.string().optional(),
  Encrypted: z.boolean().optional(),
  KmsKeyId: z.string().optional(),
  Attachments: z.array(z.object({ InstanceId: z.string().optional() })).optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string().optional() })).optional(),
});
export type VolumeFacts = z.output<typeof volumeShape>;

export function toVolumeRow(volume: VolumeFacts): VolumeRow {
  return {
    volumeId: volume.VolumeId,
    name: volume.Tags?.find((t) => t.Key === 'Name')?.Value ?? '',
    availabilityZone: volume.AvailabilityZone,
    state: volume.State ?? 'unknown',
    sizeGiB: volume.Size ?? 0,
    volumeType: volume.VolumeType ?? '',
    encrypted: volume.Encrypted === true,
    kmsKeyId: volume.Encrypted === true ? (volume.KmsKeyId ?? null) : null,
    attachedTo: (volume.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
  };
}

/** The volumes a DescribeVolumes request finds (one page: ids or a narrow filter), validated. */
export async function describeVolumes(
  ec2: EC2Client,
  input: DescribeVolumesCommandInput,
): Promise<VolumeFacts[]> {
  const answer = parseAws(
    z.object({ Volumes: z.array(volumeShape).optional() }),
    await ec2.send(new DescribeVolumesCommand(input)),
    'DescribeVolumes',
  );
  return answer.Volumes ?? [];
}

/** One volume, validated; `not-found` when the profile cannot see it. */
export async function describeVolume(ec2: EC2Client, volumeId: string): Promise<VolumeFacts> {
  const [found] = await describeVolumes(ec2, { VolumeIds: [volumeId] });
  if (!found) throw new KeywardError('not-found', `Volume ${volumeId} does not exist.`);
  return found;
}

/** Every volume of the profile in the client's Region (500 a page). */
export async function listVolumes(ec2: EC2Client): Promise<VolumeFacts[]> {
  const volumes = await call(() =>
    collectPages(
      paginateDescribeVolumes({ client: ec2, pageSize: 500 }, {}),
      (page) => page.Volumes,
    ),
  );
  return volumes.map((v) => parseAws(volumeShape, v, 'DescribeVolumes'));
}
