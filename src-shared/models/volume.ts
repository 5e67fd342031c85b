import { z } from 'zod';

/** One EBS volume a profile owns in one Region, as the re-encrypt wizard's picker shows it. */
export const volumeRowSchema = z
  .object({
    volumeId: z.string().max(64),
    /** The Name tag, or empty. */
    name: z.string().max(256),
    availabilityZone: z.string().max(64),
    /** creating, available, in-use, deleting, deleted, error (as EC2 spells them). */
    state: z.string().max(32),
    sizeGiB: z.number().int().min(0),
    volumeType: z.string().max(32),
    encrypted: z.boolean(),
    /** The key's ARN; null when the volume is not encrypted. */
    kmsKeyId: z.string().max(2048).nullable(),
    /** Instances it is attached to (a snapshot of an in-use volume is crash-consistent). */
    attachedTo: z.array(z.string().max(64)),
  })
  .strict();
export type VolumeRow = z.infer<typeof volumeRowSchema>;
