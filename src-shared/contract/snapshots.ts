import { z } from 'zod';
import { ebsSharingSchema } from '../models/ebs-sharing';
import { cellStateSchema } from '../models/kms-key';
import { snapshotRowSchema } from '../models/snapshot';
import { invoke, operation } from './define';
import {
  ebsInventoryInputSchema,
  ebsInventoryPartialSchema,
  ebsInventoryResultSchema,
  ebsListInputSchema,
  ebsSharingInputSchema,
} from './ebs-inventory';

export const snapshotsPartialSchema = ebsInventoryPartialSchema(snapshotRowSchema);
export type SnapshotsPartial = z.infer<typeof snapshotsPartialSchema>;

export const snapshotsCalls = {
  'snapshots.inventory': operation({
    summary:
      'Reads the EBS snapshots each profile of the scope owns (DescribeSnapshots OwnerIds=self) and those shared with it (RestorableByUserIds=self), with each key resolved (DescribeKey, ListAliases), streaming rows per (profile, region).',
    input: ebsInventoryInputSchema,
    result: ebsInventoryResultSchema,
    partial: snapshotsPartialSchema,
  }),
  'snapshots.list': invoke({
    summary: 'The rows and cell states the last snapshot inventory left in main (no AWS call).',
    input: ebsListInputSchema,
    output: z
      .object({ cells: z.array(cellStateSchema), rows: z.array(snapshotRowSchema) })
      .strict(),
  }),
  'snapshots.sharing': invoke({
    summary:
      'Who owned snapshots are shared with (DescribeSnapshotAttribute createVolumePermission), for up to 50 snapshots.',
    input: ebsSharingInputSchema,
    output: z.array(ebsSharingSchema),
  }),
} as const;
