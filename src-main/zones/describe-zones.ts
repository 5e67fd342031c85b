import { DescribeAvailabilityZonesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { AvailabilityZone } from '../../src-shared/models/availability-zone';
import { parseAws } from '../key-operations/aws-shapes';
import { call } from '../keys/calls';

const zonesAnswer = z.object({
  AvailabilityZones: z
    .array(
      z.object({
        ZoneName: z.string().min(1),
        ZoneId: z.string().min(1),
        State: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * The Availability Zones of the client's account in its Region, by name. Local and Wavelength
 * Zones are left out: they are opt-in, and few EBS volume types exist there.
 */
export async function listZones(ec2: EC2Client): Promise<AvailabilityZone[]> {
  const answer = parseAws(
    zonesAnswer,
    await call(() =>
      ec2.send(
        new DescribeAvailabilityZonesCommand({
          Filters: [{ Name: 'zone-type', Values: ['availability-zone'] }],
        }),
      ),
    ),
    'DescribeAvailabilityZones',
  );
  return (answer.AvailabilityZones ?? [])
    .map((zone) => ({ name: zone.ZoneName, id: zone.ZoneId, state: zone.State ?? 'unknown' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
