import { z } from 'zod';
import { requirePublicSharingAllowed } from './snapshot-block-public-access';
import { defineOperation } from '../define-operation';
import { DRY_RUN, ec2Error, required } from './common';
import { snapshotArn, type SnapshotDoc } from './model';
import { PERMISSION_MODIFICATIONS } from './permissions';
import {
  changeSharing,
  readAttribute,
  requireAttribute,
  resetSharing,
  SHARE_CHANGE_FIELDS,
  sharingItems,
  type ShareableResource,
} from './share-attribute';
import { findOwnSnapshot, putSnapshot } from './snapshot-access';

const ATTRIBUTES = ['createVolumePermission', 'productCodes'];

/** Describe/ResetSnapshotAttribute: which snapshot, which attribute. */
const SNAPSHOT_ATTRIBUTE_INPUT = z.object({
  SnapshotId: z.string().optional(),
  Attribute: z.string().optional(),
  DryRun: DRY_RUN,
});

/** A snapshot's createVolumePermission. */
const SNAPSHOT_SHARING: ShareableResource<SnapshotDoc> = {
  attribute: 'createVolumePermission',
  parameter: 'CreateVolumePermission',
  idParameter: 'SnapshotId',
  action: 'Snapshot',
  findOwn: findOwnSnapshot,
  arn: (ctx, doc) => snapshotArn(ctx.region, ctx.account, doc.snapshotId),
  permissions: (doc) => doc.createVolumePermission,
  putPermissions: (ctx, doc, createVolumePermission) =>
    putSnapshot(ctx, { ...doc, createVolumePermission }),
  // Sharing rules (reference §3.3 table; both messages are confirmed AWS errors).
  checkSharing: (ctx, doc, plan) => {
    if (doc.encrypted && plan.add.public) {
      throw ec2Error('OperationNotPermitted', 'Encrypted snapshots cannot be shared publicly.');
    }
    if (plan.add.public) requirePublicSharingAllowed(ctx);
    if (doc.encrypted && doc.awsManagedKey === true && plan.add.userIds.length > 0) {
      throw ec2Error(
        'OperationNotPermitted',
        'Encrypted snapshots with EBS default key cannot be shared',
      );
    }
  },
};

export const describeSnapshotAttribute = defineOperation({
  input: SNAPSHOT_ATTRIBUTE_INPUT,
  readOnly: true,
  handler: (ctx, input) => {
    const { attribute, doc } = readAttribute(
      ctx,
      SNAPSHOT_SHARING,
      { ...input, id: input.SnapshotId },
      ATTRIBUTES,
    );
    return attribute === 'productCodes'
      ? { snapshotId: doc.snapshotId, productCodes: [] }
      : { snapshotId: doc.snapshotId, createVolumePermission: sharingItems(SNAPSHOT_SHARING, doc) };
  },
});

export const modifySnapshotAttribute = defineOperation({
  input: z.object({
    SnapshotId: z.string().optional(),
    CreateVolumePermission: PERMISSION_MODIFICATIONS,
    ...SHARE_CHANGE_FIELDS,
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    if (input.Attribute !== undefined)
      requireAttribute(input.Attribute, ['createVolumePermission']);
    const doc = findOwnSnapshot(ctx, required(input.SnapshotId, 'SnapshotId'));
    return changeSharing(ctx, SNAPSHOT_SHARING, doc, {
      ...input,
      structured: input.CreateVolumePermission,
    });
  },
});

export const resetSnapshotAttribute = defineOperation({
  input: SNAPSHOT_ATTRIBUTE_INPUT,
  handler: (ctx, input) => resetSharing(ctx, SNAPSHOT_SHARING, { ...input, id: input.SnapshotId }),
});
