import {
  paginateDescribeImages,
  type EC2Client,
  type Image,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { AmiDisk, AmiRow } from '../../src-shared/models/ami';
import { collectPages } from '../aws/collect-pages';
import { call } from '../keys/calls';
import { tagRecord, type CellPlace } from './cell-place';
import { resolveKeys, type ResolvedKeys } from './key-resolver';
import { describeAllSnapshots, encryptionOf } from './read-snapshots';

/** Snapshot ids per DescribeSnapshots filter (EC2 takes up to 200 values in one filter). */
const IDS_PER_CALL = 200;

export interface AmisRead {
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly place: CellPlace;
  readonly signal: AbortSignal | undefined;
  readonly keys: ResolvedKeys;
}

export function describeAllImages(
  ec2: EC2Client,
  input: { Owners?: string[]; ExecutableUsers?: string[] },
  signal: AbortSignal | undefined,
): Promise<Image[]> {
  return call(
    () =>
      collectPages(
        paginateDescribeImages({ client: ec2, pageSize: 1000 }, input, { abortSignal: signal }),
        (page) => page.Images,
      ),
    signal,
  );
}

/**
 * The backing snapshots the profile can see, by id. A `snapshot-id` filter (not `SnapshotIds`)
 * because a shared AMI's snapshots are the owner's and not visible: a filter leaves them out
 * where the id list would fail the whole call.
 */
async function backingSnapshots(
  ec2: EC2Client,
  ids: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, Snapshot>> {
  const found = new Map<string, Snapshot>();
  for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
    const Values = ids.slice(start, start + IDS_PER_CALL);
    const page = await describeAllSnapshots(
      ec2,
      { Filters: [{ Name: 'snapshot-id', Values }] },
      signal,
    );
    for (const snapshot of page) if (snapshot.SnapshotId) found.set(snapshot.SnapshotId, snapshot);
  }
  return found;
}

function disksOf(
  image: Image,
  snapshots: ReadonlyMap<string, Snapshot>,
  keys: ResolvedKeys,
): AmiDisk[] {
  return (image.BlockDeviceMappings ?? []).map((mapping) => {
    const snapshotId = mapping.Ebs?.SnapshotId ?? null;
    const snapshot = snapshotId ? snapshots.get(snapshotId) : undefined;
    const encrypted = snapshot?.Encrypted ?? mapping.Ebs?.Encrypted ?? false;
    // The snapshot's own KmsKeyId is authoritative; the mapping's is a fallback (§3.2).
    const keyArn = snapshot?.KmsKeyId ?? mapping.Ebs?.KmsKeyId;
    return {
      deviceName: mapping.DeviceName ?? '',
      snapshotId,
      sizeGiB: mapping.Ebs?.VolumeSize ?? null,
      encryption: encryptionOf(encrypted, keyArn, keys),
    };
  });
}

function toRow(
  place: CellPlace,
  image: Image,
  disks: AmiDisk[],
  owned: boolean,
  fetchedAt: string,
): AmiRow {
  const ownerId = image.OwnerId ?? '';
  return {
    ...place,
    imageId: image.ImageId ?? '',
    name: image.Name ?? '',
    description: (image.Description ?? '').slice(0, 1024),
    state: image.State ?? 'unknown',
    stateReason: image.StateReason?.Message ?? null,
    creationDate: image.CreationDate ?? null,
    ownerId,
    ownership: owned ? 'owned' : 'shared-with-me',
    public: image.Public === true,
    architecture: image.Architecture ?? '',
    rootDeviceName: image.RootDeviceName ?? '',
    disks,
    tags: tagRecord(image.Tags),
    fetchedAt,
  };
}

/**
 * The AMIs of one (profile, region): owned (Owners=self) and shared with it
 * (ExecutableUsers=self), each disk with its backing snapshot's key — one AMI may use several.
 */
export async function readAmis(read: AmisRead): Promise<{ rows: AmiRow[]; keys: ResolvedKeys }> {
  const { ec2, signal } = read;
  const [owned, shared] = await Promise.all([
    describeAllImages(ec2, { Owners: ['self'] }, signal),
    describeAllImages(ec2, { ExecutableUsers: ['self'] }, signal),
  ]);
  const ownedIds = new Set(owned.map((image) => image.ImageId));
  const all = [...owned, ...shared.filter((image) => !ownedIds.has(image.ImageId))];
  const snapshotIds = [
    ...new Set(
      all.flatMap((image) =>
        (image.BlockDeviceMappings ?? []).flatMap((m) =>
          m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
        ),
      ),
    ),
  ];
  const snapshots = await backingSnapshots(ec2, snapshotIds, signal);
  const arns = [
    ...[...snapshots.values()].flatMap((s) => (s.Encrypted && s.KmsKeyId ? [s.KmsKeyId] : [])),
    ...all.flatMap((image) =>
      (image.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs?.KmsKeyId ? [m.Ebs.KmsKeyId] : [])),
    ),
  ];
  const keys = await resolveKeys(read.kms, arns, read.keys, signal);
  const fetchedAt = new Date().toISOString();
  return {
    rows: all.map((image) =>
      toRow(
        read.place,
        image,
        disksOf(image, snapshots, keys),
        ownedIds.has(image.ImageId),
        fetchedAt,
      ),
    ),
    keys,
  };
}
