import { z } from 'zod';
import { availabilityZoneSchema } from '../models/availability-zone';
import { scopeCellSchema } from '../models/kms-key';
import { invoke } from './define';

export const zonesCalls = {
  'zones.list': invoke({
    summary:
      'The Availability Zones one profile’s account has in one Region (DescribeAvailabilityZones), for the zone pickers of the guided jobs.',
    input: scopeCellSchema,
    output: z.array(availabilityZoneSchema),
  }),
} as const;
