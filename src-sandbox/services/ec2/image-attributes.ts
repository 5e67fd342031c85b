import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { DRY_RUN, ec2Error, gate, required, STRING_LIST } from './common';
import { backingSnapshots, findOwnImage, imageView, putImage } from './image-access';
import { imageArn } from './model';
import {
  applyPermissionChange,
  PERMISSION_MODIFICATIONS,
  permissionItems,
  readPermissionChange,
} from './permissions';

const READABLE = [
  'description',
  'kernel',
  'ramdisk',
  'launchPermission',
  'productCodes',
  'blockDeviceMapping',
  'sriovNetSupport',
  'bootMode',
  'tpmSupport',
  'uefiData',
  'lastLaunchedTime',
  'imdsSupport',
  'deregistrationProtection',
];

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

export const describeImageAttribute = defineOperation({
  input: z.object({
    ImageId: z.string().optional(),
    Attribute: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    const attribute = requireAttribute(input.Attribute, READABLE);
    const doc = findOwnImage(ctx, required(input.ImageId, 'ImageId'));
    gate(ctx, input.DryRun, 'DescribeImageAttribute', [imageArn(ctx.region, doc.imageId)]);
    const base = { imageId: doc.imageId };
    switch (attribute) {
      case 'launchPermission':
        return { ...base, launchPermission: permissionItems(doc.launchPermission) };
      case 'description':
        return { ...base, description: { value: doc.description } };
      case 'blockDeviceMapping':
        return {
          ...base,
          blockDeviceMapping: imageView(ctx, doc, ctx.now().getTime()).blockDeviceMapping,
        };
      case 'productCodes':
        return { ...base, productCodes: [] };
      case 'bootMode':
        return { ...base, bootMode: doc.bootMode ? { value: doc.bootMode } : undefined };
      default:
        return base;
    }
  },
});

export const modifyImageAttribute = defineOperation({
  input: z.object({
    ImageId: z.string().optional(),
    LaunchPermission: PERMISSION_MODIFICATIONS,
    Attribute: z.string().optional(),
    OperationType: z.string().optional(),
    UserId: STRING_LIST,
    UserGroup: STRING_LIST,
    OrganizationArn: STRING_LIST,
    OrganizationalUnitArn: STRING_LIST,
    Description: z.object({ Value: z.string().optional() }).optional(),
    Value: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const doc = findOwnImage(ctx, required(input.ImageId, 'ImageId'));
    const description =
      input.Description?.Value ?? (input.Attribute === 'description' ? input.Value : undefined);
    if (description !== undefined) {
      gate(ctx, input.DryRun, 'ModifyImageAttribute', [imageArn(ctx.region, doc.imageId)]);
      putImage(ctx, { ...doc, description });
      return { return: true };
    }
    if (input.Attribute !== undefined) requireAttribute(input.Attribute, ['launchPermission']);
    const plan = readPermissionChange({
      attributeName: 'LaunchPermission',
      structured: input.LaunchPermission,
      Attribute: input.Attribute,
      OperationType: input.OperationType,
      UserId: input.UserId,
      UserGroup: input.UserGroup,
    });
    if (plan.add.userIds.length > 0 || plan.add.public) {
      const snapshots = backingSnapshots(ctx, doc);
      // Confirmed AWS error for AMIs on aws/ebs (reference §3.3).
      if (snapshots.some((s) => s.encrypted && s.awsManagedKey === true)) {
        throw ec2Error(
          'InvalidParameter',
          "Snapshots encrypted with the AWS Managed CMK can't be shared. Specify another snapshot.",
        );
      }
      // UNCONFIRMED wording: encrypted AMIs cannot be public.
      if (plan.add.public && snapshots.some((s) => s.encrypted)) {
        throw ec2Error('InvalidParameter', 'Encrypted AMIs cannot be made public.');
      }
    }
    gate(ctx, input.DryRun, 'ModifyImageAttribute', [imageArn(ctx.region, doc.imageId)]);
    putImage(ctx, { ...doc, launchPermission: applyPermissionChange(doc.launchPermission, plan) });
    return { return: true };
  },
});

export const resetImageAttribute = defineOperation({
  input: z.object({
    ImageId: z.string().optional(),
    Attribute: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    requireAttribute(input.Attribute, ['launchPermission']);
    const doc = findOwnImage(ctx, required(input.ImageId, 'ImageId'));
    gate(ctx, input.DryRun, 'ResetImageAttribute', [imageArn(ctx.region, doc.imageId)]);
    putImage(ctx, { ...doc, launchPermission: { userIds: [], public: false } });
    return { return: true };
  },
});
