import type { AmiRow } from '../../src-shared/models/ami';
import type { SnapshotRow } from '../../src-shared/models/snapshot';
import { createEbsInventory, type EbsInventoryDeps } from './ebs-inventory-service';
import { readAmis } from './read-amis';
import { readSnapshots } from './read-snapshots';

/** The Snapshots page's inventory: owned and shared-with-me snapshots with their keys. */
export const createSnapshotInventory = (deps: EbsInventoryDeps) =>
  createEbsInventory<SnapshotRow>(deps, {
    plural: 'snapshots',
    callName: 'snapshots.inventory',
    idOf: (row) => row.snapshotId,
    read: readSnapshots,
  });

/** The AMIs page's inventory: owned and shared-with-me AMIs with their backing snapshots' keys. */
export const createAmiInventory = (deps: EbsInventoryDeps) =>
  createEbsInventory<AmiRow>(deps, {
    plural: 'AMIs',
    callName: 'amis.inventory',
    idOf: (row) => row.imageId,
    read: readAmis,
  });
