import { z } from 'zod';

/**
 * One Availability Zone of a profile's account in one Region. Names map to physical zones per
 * account (us-east-1a of one account need not be us-east-1a of another); the id (use1-az1) does not.
 */
export const availabilityZoneSchema = z
  .object({
    /** us-east-1a: what CreateVolume takes. */
    name: z.string().max(64),
    /** use1-az1: the same physical zone in every account. */
    id: z.string().max(64),
    /** available, information, impaired, unavailable or constrained (as EC2 spells them). */
    state: z.string().max(32),
  })
  .strict();
export type AvailabilityZone = z.infer<typeof availabilityZoneSchema>;
