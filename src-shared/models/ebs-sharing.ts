import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { scopeCellSchema } from './kms-key';

/** One owned snapshot or AMI of one (profile, region), by id. */
export const ebsResourceRefSchema = scopeCellSchema
  .extend({ id: z.string().regex(/^(snap|ami)-[0-9a-f]{8,17}$/) })
  .strict();
export type EbsResourceRef = z.infer<typeof ebsResourceRefSchema>;

/**
 * Who else may use an owned snapshot (createVolumePermission) or AMI (launchPermission): read
 * lazily, one DescribeSnapshotAttribute / DescribeImageAttribute per resource.
 */
export const ebsSharingSchema = ebsResourceRefSchema
  .extend({
    /** Account ids it is shared with. */
    accounts: z.array(z.string().max(12)),
    /** Shared with everyone (group `all`). */
    public: z.boolean(),
    /** Organizations / OUs (AMIs only), as ARNs. */
    organizations: z.array(z.string().max(2048)),
    /** Set when the attribute could not be read; the lists are then empty. */
    error: serializedErrorSchema.nullable(),
  })
  .strict();
export type EbsSharing = z.infer<typeof ebsSharingSchema>;

export const ebsSharingRefKey = (ref: EbsResourceRef) => `${ref.profileId}|${ref.region}|${ref.id}`;
