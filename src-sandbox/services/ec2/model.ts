import { randomBytes } from 'node:crypto';
import { defineKind } from '../../state/store-types';

/** A resource tag, in the order it was given. */
export interface Ec2Tag {
  readonly key: string;
  readonly value: string;
}

/** Who may use a snapshot (createVolumePermission) or an AMI (launchPermission). */
export interface SharePermissions {
  readonly userIds: readonly string[];
  /** `group=all`: public. */
  readonly public: boolean;
}

/** Encryption facts of a volume, snapshot or block device mapping. */
export interface EncryptionFacts {
  readonly encrypted: boolean;
  /** Key ARN (KMS key, not alias). */
  readonly kmsKeyArn?: string;
  /** True when the key is the AWS managed `aws/ebs` key (such resources cannot be shared). */
  readonly awsManagedKey?: boolean;
  /**
   * Encrypted only: the data key's lineage id (snapshot `DataEncryptionKeyId`). Volumes made
   * from a snapshot under the same key and snapshots of a volume inherit it; copies and
   * re-encryptions get a new data key, hence a new id.
   */
  readonly dataEncryptionKeyId?: string;
}

/**
 * Asynchronous work (snapshot progress, volume creation, copies): the state is derived from the
 * elapsed time on read (see lifecycle.ts). `failureMessage` makes the work end in `error`.
 */
export interface AsyncWork {
  readonly startedAtMs: number;
  readonly durationMs: number;
  readonly failureMessage?: string;
}

export interface SnapshotDoc extends EncryptionFacts, AsyncWork {
  readonly snapshotId: string;
  readonly ownerId: string;
  readonly region: string;
  readonly volumeId: string;
  readonly volumeSize: number;
  readonly description: string;
  readonly startTime: string;
  readonly tags: readonly Ec2Tag[];
  readonly createVolumePermission: SharePermissions;
  readonly ownerAlias?: string;
  /** Set for copies. */
  readonly sourceSnapshotId?: string;
  readonly sourceRegion?: string;
}

export interface VolumeAttachmentDoc {
  readonly instanceId: string;
  readonly device: string;
  readonly attachTime: string;
  readonly deleteOnTermination: boolean;
}

export interface VolumeDoc extends EncryptionFacts, AsyncWork {
  readonly volumeId: string;
  readonly ownerId: string;
  readonly region: string;
  readonly availabilityZone: string;
  readonly size: number;
  readonly snapshotId: string;
  readonly volumeType: string;
  readonly iops?: number;
  readonly throughput?: number;
  readonly createTime: string;
  readonly multiAttachEnabled: boolean;
  readonly tags: readonly Ec2Tag[];
  readonly attachments: readonly VolumeAttachmentDoc[];
}

export interface ImageEbsMapping {
  readonly snapshotId?: string;
  readonly volumeSize?: number;
  readonly volumeType: string;
  readonly deleteOnTermination: boolean;
  readonly encrypted?: boolean;
  readonly iops?: number;
  readonly throughput?: number;
}

export interface ImageMapping {
  readonly deviceName: string;
  readonly ebs?: ImageEbsMapping;
  readonly virtualName?: string;
  readonly noDevice?: boolean;
}

export interface ImageDoc {
  readonly imageId: string;
  readonly ownerId: string;
  readonly region: string;
  readonly name: string;
  readonly description?: string;
  readonly architecture: string;
  readonly rootDeviceName: string;
  readonly virtualizationType: string;
  readonly enaSupport: boolean;
  readonly bootMode?: string;
  readonly creationDate: string;
  readonly blockDeviceMappings: readonly ImageMapping[];
  readonly launchPermission: SharePermissions;
  readonly tags: readonly Ec2Tag[];
  readonly sourceImageId?: string;
  readonly sourceImageRegion?: string;
  readonly imageOwnerAlias?: string;
}

export interface InstanceDoc extends AsyncWork {
  readonly instanceId: string;
  readonly reservationId: string;
  readonly ownerId: string;
  readonly region: string;
  readonly imageId: string;
  readonly instanceType: string;
  readonly availabilityZone: string;
  readonly launchTime: string;
  readonly rootDeviceName: string;
  readonly architecture: string;
  readonly volumes: readonly { readonly deviceName: string; readonly volumeId: string }[];
  readonly tags: readonly Ec2Tag[];
  /** Epoch ms of TerminateInstances. */
  readonly terminatedAtMs?: number;
}

/** Per account and region: EBS encryption by default and the default key (reference §3.3). */
export interface EbsSettingsDoc {
  readonly encryptionByDefault: boolean;
  /** Key reference as set (alias name, key id or ARN); absent = `alias/aws/ebs`. */
  readonly defaultKmsKeyId?: string;
}

/** Sandbox-wide EC2 settings (SANDBOX_SCOPE). Tests write it to make async work instant. */
export interface Ec2SandboxSettings {
  /** How long snapshots, copies and volumes stay `pending`/`creating` (ms). */
  readonly asyncDurationMs: number;
  /** Snapshots per account and Region (default SNAPSHOT_QUOTA; tests lower it). */
  readonly snapshotQuota?: number;
}

/** EBS's default quota of snapshots per account and Region (adjustable in AWS). */
export const SNAPSHOT_QUOTA = 100_000;

export const SNAPSHOT = defineKind<SnapshotDoc>('ec2:snapshot');
export const VOLUME = defineKind<VolumeDoc>('ec2:volume');
export const IMAGE = defineKind<ImageDoc>('ec2:image');
export const INSTANCE = defineKind<InstanceDoc>('ec2:instance');
export const EBS_SETTINGS = defineKind<EbsSettingsDoc>('ec2:ebs-settings');
export const EC2_SANDBOX_SETTINGS = defineKind<Ec2SandboxSettings>('ec2:sandbox-settings');
export const EC2_SETTINGS_ID = 'ec2';

/** Default duration of asynchronous work (overridable by env `KEYWARD_SANDBOX_EC2_ASYNC_MS`). */
export const DEFAULT_ASYNC_DURATION_MS = 4000;

export type Ec2IdPrefix = 'vol' | 'snap' | 'ami' | 'i' | 'r';

/** `snap-` + 17 lower-case hex, as AWS's current ids (which start with `0`). */
export function newEc2Id(prefix: Ec2IdPrefix): string {
  return `${prefix}-0${randomBytes(8).toString('hex')}`;
}

export const snapshotArn = (region: string, account: string, id: string) =>
  `arn:aws:ec2:${region}:${account}:snapshot/${id}`;
export const volumeArn = (region: string, account: string, id: string) =>
  `arn:aws:ec2:${region}:${account}:volume/${id}`;
export const imageArn = (region: string, id: string) => `arn:aws:ec2:${region}::image/${id}`;
export const instanceArn = (region: string, account: string, id: string) =>
  `arn:aws:ec2:${region}:${account}:instance/${id}`;
