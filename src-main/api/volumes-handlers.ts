import type { volumesCalls } from '../../src-shared/contract/volumes';
import { ec2Of, type KeyContext } from '../key-operations/key-context';
import { listVolumes, toVolumeRow } from '../volumes/describe-volumes';
import type { AreaHandlers } from './handler-types';

export function createVolumesHandlers(ctx: KeyContext): AreaHandlers<typeof volumesCalls> {
  return {
    'volumes.list': async ({ profileId, region }) =>
      (await listVolumes(await ec2Of(ctx, profileId, region))).map(toVolumeRow),
  };
}
