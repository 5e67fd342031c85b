import { createHash } from 'node:crypto';
import { rootArn, type Caller } from '../../identity/caller';
import type { StoreTransaction } from '../../state/store-types';
import type { CloudTrailRecord } from '../../trail/types';
import { createServiceContext } from '../service-context';
import { ec2Service } from './index';
import { awsManagedEbsKey } from '../kms/ebs-keys';
import { finishedWork } from './lifecycle';
import {
  IMAGE,
  SNAPSHOT,
  VOLUME,
  type Ec2Tag,
  type EncryptionFacts,
  type ImageDoc,
  type ImageMapping,
  type SnapshotDoc,
  type VolumeDoc,
} from './model';

/** Builders the EC2 seeder (seed/ec2.ts) uses to write finished resources. */
export interface Ec2SeedWriter {
  /** The AWS managed aws/ebs key of an account and Region (created on first use). */
  managedEbsKeyArn(account: string, region: string): string;
  volume(v: SeedVolume): void;
  snapshot(s: SeedSnapshot): void;
  image(i: SeedImage): void;
}

export interface SeedVolume {
  readonly id: string;
  readonly owner: string;
  readonly region: string;
  readonly size: number;
  readonly type: string;
  readonly encryption: EncryptionFacts;
  readonly tags: readonly Ec2Tag[];
  readonly daysAgo: number;
}

export interface SeedSnapshot {
  readonly id: string;
  readonly owner: string;
  readonly region: string;
  readonly volumeId: string;
  readonly size: number;
  readonly encryption: EncryptionFacts;
  readonly description: string;
  readonly tags: readonly Ec2Tag[];
  readonly daysAgo: number;
  readonly source?: { readonly snapshotId: string; readonly region: string };
  readonly public?: boolean;
  readonly ownerAlias?: string;
  /** Accounts given createVolumePermission. */
  readonly sharedWith?: readonly string[];
}

export interface SeedImage {
  readonly id: string;
  readonly owner: string;
  readonly region: string;
  readonly name: string;
  readonly description: string;
  /** [device, snapshot id, size GiB, encrypted]; the first is the root device. */
  readonly disks: readonly (readonly [string, string, number, boolean])[];
  readonly tags: readonly Ec2Tag[];
  readonly daysAgo: number;
  readonly public?: boolean;
  readonly ownerAlias?: string;
}

const DAY = 86_400_000;

const rootCaller = (account: string): Caller => ({
  kind: 'root',
  account,
  arn: rootArn(account),
  userId: account,
  accessKeyId: '',
  temporary: false,
  mfaAuthenticated: false,
});

export function ec2SeedWriter(
  tx: StoreTransaction,
  now: Date,
  recordEvent: (record: CloudTrailRecord) => void,
): Ec2SeedWriter {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return {
    managedEbsKeyArn(account, region) {
      const { ctx, event } = createServiceContext({
        service: ec2Service,
        operation: 'Seed',
        caller: rootCaller(account),
        region,
        scope: { account, region },
        requestId: 'seed',
        sourceIp: 'AWS Internal',
        userAgent: 'AWS Internal',
        store: tx,
        now: () => now,
      });
      const arn = awsManagedEbsKey(ctx, account, region).arn;
      for (const record of event.extras) recordEvent(record);
      return arn;
    },
    volume(v) {
      const doc: VolumeDoc = {
        volumeId: v.id,
        ownerId: v.owner,
        region: v.region,
        availabilityZone: `${v.region}a`,
        size: v.size,
        snapshotId: '',
        volumeType: v.type,
        createTime: ago(v.daysAgo).toISOString(),
        multiAttachEnabled: false,
        tags: v.tags,
        attachments: [],
        ...v.encryption,
        ...(v.encryption.encrypted ? { dataEncryptionKeyId: lineageId(v.id) } : {}),
        ...finishedWork(ago(v.daysAgo)),
      };
      tx.put(VOLUME, { account: v.owner, region: v.region }, v.id, doc);
    },
    snapshot(s) {
      const doc: SnapshotDoc = {
        snapshotId: s.id,
        ownerId: s.owner,
        region: s.region,
        volumeId: s.volumeId,
        volumeSize: s.size,
        description: s.description,
        startTime: ago(s.daysAgo).toISOString(),
        tags: s.tags,
        createVolumePermission: { userIds: [...(s.sharedWith ?? [])], public: s.public === true },
        ...(s.ownerAlias === undefined ? {} : { ownerAlias: s.ownerAlias }),
        ...(s.source
          ? { sourceSnapshotId: s.source.snapshotId, sourceRegion: s.source.region }
          : {}),
        ...s.encryption,
        // A snapshot shares its volume's data key; a copy has its own.
        ...(s.encryption.encrypted
          ? { dataEncryptionKeyId: lineageId(s.source ? s.id : s.volumeId) }
          : {}),
        ...finishedWork(ago(s.daysAgo)),
      };
      tx.put(SNAPSHOT, { account: s.owner, region: s.region }, s.id, doc);
    },
    image(i) {
      const mappings: ImageMapping[] = i.disks.map(
        ([deviceName, snapshotId, volumeSize, encrypted]) => ({
          deviceName,
          ebs: { snapshotId, volumeSize, volumeType: 'gp3', deleteOnTermination: true, encrypted },
        }),
      );
      const doc: ImageDoc = {
        imageId: i.id,
        ownerId: i.owner,
        region: i.region,
        name: i.name,
        description: i.description,
        architecture: 'x86_64',
        rootDeviceName: mappings[0]?.deviceName ?? '/dev/xvda',
        virtualizationType: 'hvm',
        enaSupport: true,
        bootMode: 'uefi-preferred',
        creationDate: ago(i.daysAgo).toISOString(),
        blockDeviceMappings: mappings,
        launchPermission: { userIds: [], public: i.public === true },
        tags: i.tags,
        ...(i.ownerAlias === undefined ? {} : { imageOwnerAlias: i.ownerAlias }),
      };
      tx.put(IMAGE, { account: i.owner, region: i.region }, i.id, doc);
    },
  };
}

/** A fixed UUID-form data key lineage id for a seeded resource (same id → same lineage). */
function lineageId(resourceId: string): string {
  const h = createHash('sha256').update(`ebs-data-key:${resourceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
