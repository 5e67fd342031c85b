import { paginateDescribeSnapshots, type EC2Client, type Snapshot } from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { EbsEncryption } from '../../src-shared/models/ebs-key';
import { snapshotStates, type SnapshotRow } from '../../src-shared/models/snapshot';
import { collectPages } from '../aws/collect-pages';
import { call } from '../keys/calls';
import { tagRecord, type CellPlace } from './cell-place';
import { resolveKeys, type ResolvedKeys } from './key-resolver';

export interface SnapshotsRead {
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly place: CellPlace;
  readonly signal: AbortSignal | undefined;
  /** Keys resolved by an earlier read of the cell (incremental), else empty. */
  readonly keys: ResolvedKeys;
}

/** Every page of one DescribeSnapshots query (1000 a page, the most EC2 gives). */
export function describeAllSnapshots(
  ec2: EC2Client,
  input: {
    OwnerIds?: string[];
    RestorableByUserIds?: string[];
    Filters?: { Name: string; Values: string[] }[];
  },
  signal: AbortSignal | undefined,
): Promise<Snapshot[]> {
  return call(
    () =>
      collectPages(
        paginateDescribeSnapshots({ client: ec2, pageSize: 1000 }, input, { abortSignal: signal }),
        (page) => page.Snapshots,
      ),
    signal,
  );
}

export function encryptionOf(
  encrypted: boolean,
  keyArn: string | undefined,
  keys: ResolvedKeys,
): EbsEncryption {
  if (!encrypted) return { encrypted: false, key: null };
  return { encrypted: true, key: keyArn ? (keys.get(keyArn) ?? null) : null };
}

const stateOf = (state: string | undefined): SnapshotRow['state'] =>
  snapshotStates.find((known) => known === state) ?? 'error';

function toRow(
  place: CellPlace,
  snapshot: Snapshot,
  keys: ResolvedKeys,
  owned: boolean,
  fetchedAt: string,
): SnapshotRow {
  const ownerId = snapshot.OwnerId ?? '';
  return {
    ...place,
    snapshotId: snapshot.SnapshotId ?? '',
    description: (snapshot.Description ?? '').slice(0, 1024),
    volumeId: snapshot.VolumeId ?? '',
    sizeGiB: snapshot.VolumeSize ?? 0,
    state: stateOf(snapshot.State),
    progress: snapshot.Progress ?? '',
    stateMessage: snapshot.StateMessage || null,
    startTime: snapshot.StartTime?.toISOString() ?? null,
    ownerId,
    ownership: owned ? 'owned' : 'shared-with-me',
    encryption: encryptionOf(snapshot.Encrypted === true, snapshot.KmsKeyId, keys),
    tags: tagRecord(snapshot.Tags),
    fetchedAt,
  };
}

/**
 * The snapshots of one (profile, region): those it owns and those other accounts shared with it
 * (RestorableBy=self also names owned ones: they are kept once), each with its key resolved.
 */
export async function readSnapshots(
  read: SnapshotsRead,
): Promise<{ rows: SnapshotRow[]; keys: ResolvedKeys }> {
  const { ec2, signal } = read;
  const [owned, restorable] = await Promise.all([
    describeAllSnapshots(ec2, { OwnerIds: ['self'] }, signal),
    describeAllSnapshots(ec2, { RestorableByUserIds: ['self'] }, signal),
  ]);
  const ownedIds = new Set(owned.map((snapshot) => snapshot.SnapshotId));
  const all = [...owned, ...restorable.filter((s) => !ownedIds.has(s.SnapshotId))];
  const arns = all.flatMap((s) => (s.Encrypted && s.KmsKeyId ? [s.KmsKeyId] : []));
  const keys = await resolveKeys(read.kms, arns, read.keys, signal);
  const fetchedAt = new Date().toISOString();
  const rows = all.map((snapshot) =>
    toRow(read.place, snapshot, keys, ownedIds.has(snapshot.SnapshotId), fetchedAt),
  );
  return { rows, keys };
}
