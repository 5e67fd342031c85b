import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { DRY_RUN, ec2Error, gate, required, STRING_LIST } from './common';
import { backingSnapshots, findOwnImage, imageView, putImage } from './image-access';
import { imageArn, type ImageDoc } from './model';
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

/** Describe/ResetImageAttribute: which AMI, which attribute. */
const IMAGE_ATTRIBUTE_INPUT = z.object({
  ImageId: z.string().optional(),
  Attribute: z.string().optional(),
  DryRun: DRY_RUN,
});

/** An AMI's launchPermission. */
const IMAGE_SHARING: ShareableResource<ImageDoc> = {
  attribute: 'launchPermission',
  parameter: 'LaunchPermission',
  idParameter: 'ImageId',
  action: 'Image',
  findOwn: findOwnImage,
  arn: (ctx, doc) => imageArn(ctx.region, doc.imageId),
  permissions: (doc) => doc.launchPermission,
  putPermissions: (ctx, doc, launchPermission) => putImage(ctx, { ...doc, launchPermission }),
  checkSharing: (ctx, doc, plan) => {
    if (plan.add.userIds.length === 0 && !plan.add.public) return;
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
  },
};

export const describeImageAttribute = defineOperation({
  input: IMAGE_ATTRIBUTE_INPUT,
  readOnly: true,
  handler: (ctx, input) => {
    const { attribute, doc } = readAttribute(
      ctx,
      IMAGE_SHARING,
      { ...input, id: input.ImageId },
      READABLE,
    );
    const base = { imageId: doc.imageId };
    switch (attribute) {
      case 'launchPermission':
        return { ...base, launchPermission: sharingItems(IMAGE_SHARING, doc) };
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
    ...SHARE_CHANGE_FIELDS,
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
    return changeSharing(ctx, IMAGE_SHARING, doc, { ...input, structured: input.LaunchPermission });
  },
});

export const resetImageAttribute = defineOperation({
  input: IMAGE_ATTRIBUTE_INPUT,
  handler: (ctx, input) => resetSharing(ctx, IMAGE_SHARING, { ...input, id: input.ImageId }),
});
