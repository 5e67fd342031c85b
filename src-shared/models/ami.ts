import { z } from 'zod';
import { ebsEncryptionSchema, ebsOwnerships } from './ebs-key';

/** One block device of an AMI: the EBS snapshot behind it and that snapshot's key. */
export const amiDiskSchema = z
  .object({
    deviceName: z.string().max(64),
    /** null: an instance-store or empty mapping. */
    snapshotId: z.string().max(64).nullable(),
    sizeGiB: z.number().int().min(0).nullable(),
    /**
     * The snapshot's encryption; `key` null on an encrypted disk when the backing snapshot is
     * another account's and not visible to the profile (its key cannot be named).
     */
    encryption: ebsEncryptionSchema,
  })
  .strict();
export type AmiDisk = z.infer<typeof amiDiskSchema>;

/** One row of the AMIs page: an AMI as seen through one profile in one Region. */
export const amiRowSchema = z
  .object({
    profileId: z.string().max(200),
    profileName: z.string().max(200),
    accountId: z.string().max(12),
    region: z.string().max(30),
    imageId: z.string().max(64),
    name: z.string().max(256),
    description: z.string().max(1024),
    /** pending | available | invalid | deregistered | transient | failed | error | disabled */
    state: z.string().max(32),
    stateReason: z.string().max(2000).nullable(),
    creationDate: z.string().nullable(),
    ownerId: z.string().max(12),
    ownership: z.enum(ebsOwnerships),
    public: z.boolean(),
    architecture: z.string().max(32),
    rootDeviceName: z.string().max(64),
    disks: z.array(amiDiskSchema),
    tags: z.record(z.string().max(128), z.string().max(256)),
    fetchedAt: z.string(),
  })
  .strict();
export type AmiRow = z.infer<typeof amiRowSchema>;

export const amiRowId = (row: Pick<AmiRow, 'profileId' | 'region' | 'imageId'>) =>
  `${row.profileId}|${row.region}|${row.imageId}`;
