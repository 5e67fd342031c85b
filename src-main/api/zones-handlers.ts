import type { zonesCalls } from '../../src-shared/contract/zones';
import { ec2Of, type KeyContext } from '../key-operations/key-context';
import { listZones } from '../zones/describe-zones';
import type { AreaHandlers } from './handler-types';

export function createZonesHandlers(ctx: KeyContext): AreaHandlers<typeof zonesCalls> {
  return {
    'zones.list': async ({ profileId, region }) => listZones(await ec2Of(ctx, profileId, region)),
  };
}
