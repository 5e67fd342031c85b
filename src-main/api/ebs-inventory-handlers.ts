import type { amisCalls } from '../../src-shared/contract/amis';
import type { snapshotsCalls } from '../../src-shared/contract/snapshots';
import type { AmiRow } from '../../src-shared/models/ami';
import type { SnapshotRow } from '../../src-shared/models/snapshot';
import type { EbsInventory } from '../ebs-inventory/ebs-inventory-service';
import type { SharingReader } from '../ebs-inventory/sharing-reader';
import type { AreaHandlers } from './handler-types';

export function createEbsInventoryHandlers(deps: {
  snapshots: EbsInventory<SnapshotRow>;
  amis: EbsInventory<AmiRow>;
  sharing: SharingReader;
}): AreaHandlers<typeof snapshotsCalls & typeof amisCalls> {
  const { snapshots, amis, sharing } = deps;
  return {
    'snapshots.inventory': (input, ctx) => snapshots.run(input, ctx),
    'snapshots.list': ({ scope }) => snapshots.cached(scope),
    'snapshots.sharing': ({ resources }, ctx) => sharing.read(resources, ctx),
    'amis.inventory': (input, ctx) => amis.run(input, ctx),
    'amis.list': ({ scope }) => amis.cached(scope),
    'amis.sharing': ({ resources }, ctx) => sharing.read(resources, ctx),
  };
}
