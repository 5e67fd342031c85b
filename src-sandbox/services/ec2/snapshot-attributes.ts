import { z } from 'zod';
import { requirePublicSharingAllowed } from './snapshot-block-public-access';
import { defineOperation } from '../define-operation';
import { DRY_RUN, ec2Error, gate, required, STRING_LIST } from './common';
import { snapshotArn } from './model';
import {
  applyPermissionChange,
  PERMISSION_MODIFICATIONS,
  permissionItems,
  readPermissionChange,
} from './permissions';
import { findOwnSnapshot, putSnapshot } from './snapshot-access';

const ATTRIBUTES = ['createVolumePermission', 'productCodes'];

function requireAttribute(value: string | undefined, allowed: readonly string[]): string {
  const attribute = required(value, 'Attribute');
  if (!allowed.includes(attribute)) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${attribute}) for parameter attribute is invalid.`,
    );
  }
  return attribute;
}

export const describeSnapshotAttribute = defineOperation({
  input: z.object({
    SnapshotId: z.string().optional(),
    Attribute: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    const attribute = requireAttribute(input.Attribute, ATTRIBUTES);
    // Only the owner may read the attribute (UNCONFIRMED which error others get).
    const doc = findOwnSnapshot(ctx, required(input.SnapshotId, 'SnapshotId'));
    gate(ctx, input.DryRun, 'DescribeSnapshotAttribute', [
      snapshotArn(ctx.region, ctx.account, doc.snapshotId),
    ]);
    return attribute === 'productCodes'
      ? { snapshotId: doc.snapshotId, productCodes: [] }
      : {
          snapshotId: doc.snapshotId,
          createVolumePermission: permissionItems(doc.createVolumePermission),
        };
  },
});

export const modifySnapshotAttribute = defineOperation({
  input: z.object({
    SnapshotId: z.string().optional(),
    CreateVolumePermission: PERMISSION_MODIFICATIONS,
    Attribute: z.string().optional(),
    OperationType: z.string().optional(),
    UserId: STRING_LIST,
    UserGroup: STRING_LIST,
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    if (input.Attribute !== undefined)
      requireAttribute(input.Attribute, ['createVolumePermission']);
    const doc = findOwnSnapshot(ctx, required(input.SnapshotId, 'SnapshotId'));
    const plan = readPermissionChange({
      attributeName: 'CreateVolumePermission',
      structured: input.CreateVolumePermission,
      Attribute: input.Attribute,
      OperationType: input.OperationType,
      UserId: input.UserId,
      UserGroup: input.UserGroup,
    });
    // Sharing rules (reference §3.3 table; both messages are confirmed AWS errors).
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
    gate(ctx, input.DryRun, 'ModifySnapshotAttribute', [
      snapshotArn(ctx.region, ctx.account, doc.snapshotId),
    ]);
    putSnapshot(ctx, {
      ...doc,
      createVolumePermission: applyPermissionChange(doc.createVolumePermission, plan),
    });
    return { return: true };
  },
});

export const resetSnapshotAttribute = defineOperation({
  input: z.object({
    SnapshotId: z.string().optional(),
    Attribute: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    requireAttribute(input.Attribute, ['createVolumePermission']);
    const doc = findOwnSnapshot(ctx, required(input.SnapshotId, 'SnapshotId'));
    gate(ctx, input.DryRun, 'ResetSnapshotAttribute', [
      snapshotArn(ctx.region, ctx.account, doc.snapshotId),
    ]);
    putSnapshot(ctx, { ...doc, createVolumePermission: { userIds: [], public: false } });
    return { return: true };
  },
});
