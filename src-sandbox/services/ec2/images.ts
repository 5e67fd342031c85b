import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsBool } from '../validation';
import {
  DRY_RUN,
  ec2Error,
  FILTERS,
  gate,
  imageNotFound,
  missingParameter,
  required,
  requireWellFormed,
  STRING_LIST,
  TAG_SPECIFICATIONS,
  tagsFor,
} from './common';
import { applyFilters, paginate, refuseMaxResultsWithIds } from './filters';
import {
  IMAGE,
  imageArn,
  newEc2Id,
  SNAPSHOT,
  snapshotArn,
  type ImageDoc,
  type ImageMapping,
} from './model';
import {
  backingSnapshots,
  findOwnImage,
  imagesInRegion,
  imageState,
  imageView,
  imageVisibleTo,
  putImage,
} from './image-access';
import { findOwnSnapshot, requireCompleted } from './snapshot-access';

/** `BlockDeviceMapping.N.*` as RegisterImage and RunInstances receive it. */
export const BLOCK_DEVICE_MAPPINGS = z
  .array(
    z.object({
      DeviceName: z.string().optional(),
      VirtualName: z.string().optional(),
      NoDevice: z.string().optional(),
      Ebs: z
        .object({
          SnapshotId: z.string().optional(),
          VolumeSize: z.coerce.number().int().optional(),
          VolumeType: z.string().optional(),
          DeleteOnTermination: awsBool.optional(),
          Encrypted: awsBool.optional(),
          KmsKeyId: z.string().optional(),
          Iops: z.coerce.number().int().optional(),
          Throughput: z.coerce.number().int().optional(),
        })
        .optional(),
    }),
  )
  .optional();

export const AMI_NAME = /^[a-zA-Z0-9().\-/_ [\]'@]{3,128}$/;

export function requireAmiName(ctx: ServiceContext, name: string, region = ctx.region): void {
  if (!AMI_NAME.test(name)) {
    throw ec2Error(
      'InvalidAMIName.Malformed',
      `AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'`,
    );
  }
  const taken = ctx.store
    .list(IMAGE, { account: ctx.account, region })
    .find((i) => i.name === name);
  if (taken) {
    throw ec2Error(
      'InvalidAMIName.Duplicate',
      `AMI name ${name} is already in use by AMI ${taken.imageId}`,
    );
  }
}

export const registerImage = defineOperation({
  input: z.object({
    Name: z.string().optional(),
    Description: z.string().max(255).optional(),
    Architecture: z.enum(['i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac']).optional(),
    RootDeviceName: z.string().optional(),
    BlockDeviceMapping: BLOCK_DEVICE_MAPPINGS,
    VirtualizationType: z.enum(['hvm', 'paravirtual']).optional(),
    EnaSupport: awsBool.optional(),
    BootMode: z.enum(['legacy-bios', 'uefi', 'uefi-preferred']).optional(),
    ImageLocation: z.string().optional(),
    SriovNetSupport: z.string().optional(),
    TagSpecification: TAG_SPECIFICATIONS,
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const name = required(input.Name, 'Name');
    requireAmiName(ctx, name);
    const root = input.RootDeviceName;
    if (root === undefined) throw missingParameter('RootDeviceName');
    const nowMs = ctx.now().getTime();
    const mappings: ImageMapping[] = (input.BlockDeviceMapping ?? []).map((m) => {
      const deviceName = required(m.DeviceName, 'BlockDeviceMapping.DeviceName');
      if (!m.Ebs) {
        return {
          deviceName,
          ...(m.VirtualName === undefined ? {} : { virtualName: m.VirtualName }),
          ...(m.NoDevice === undefined ? {} : { noDevice: true }),
        };
      }
      const snap =
        m.Ebs.SnapshotId === undefined ? undefined : findOwnSnapshot(ctx, m.Ebs.SnapshotId);
      if (snap) requireCompleted(snap, nowMs);
      if (!snap && m.Ebs.VolumeSize === undefined) {
        throw missingParameter(`BlockDeviceMapping ${deviceName} Ebs.VolumeSize`);
      }
      if (snap && m.Ebs.VolumeSize !== undefined && m.Ebs.VolumeSize < snap.volumeSize) {
        throw ec2Error(
          'InvalidBlockDeviceMapping',
          `Volume of size ${m.Ebs.VolumeSize}GB is smaller than snapshot '${snap.snapshotId}', expect size >= ${snap.volumeSize}GB`,
        );
      }
      return {
        deviceName,
        ebs: {
          ...(snap ? { snapshotId: snap.snapshotId } : {}),
          volumeSize: m.Ebs.VolumeSize ?? snap?.volumeSize ?? 8,
          volumeType: m.Ebs.VolumeType ?? 'gp2',
          deleteOnTermination: m.Ebs.DeleteOnTermination ?? true,
          encrypted: snap?.encrypted ?? m.Ebs.Encrypted ?? false,
          ...(m.Ebs.Iops === undefined ? {} : { iops: m.Ebs.Iops }),
          ...(m.Ebs.Throughput === undefined ? {} : { throughput: m.Ebs.Throughput }),
        },
      };
    });
    if (!mappings.some((m) => m.deviceName === root && m.ebs?.snapshotId !== undefined)) {
      throw ec2Error(
        'InvalidBlockDeviceMapping',
        `The device name ${root} must correspond to a block device mapping with a snapshot.`,
      );
    }
    const tags = tagsFor(input.TagSpecification, 'image');
    const imageId = newEc2Id('ami');
    gate(ctx, input.DryRun, 'RegisterImage', [
      imageArn(ctx.region, imageId),
      ...mappings.flatMap((m) =>
        m.ebs?.snapshotId ? [snapshotArn(ctx.region, ctx.account, m.ebs.snapshotId)] : [],
      ),
    ]);
    const doc: ImageDoc = {
      imageId,
      ownerId: ctx.account,
      region: ctx.region,
      name,
      ...(input.Description === undefined ? {} : { description: input.Description }),
      architecture: input.Architecture ?? 'x86_64',
      rootDeviceName: root,
      virtualizationType: input.VirtualizationType ?? 'hvm',
      enaSupport: input.EnaSupport ?? true,
      ...(input.BootMode === undefined ? {} : { bootMode: input.BootMode }),
      creationDate: ctx.now().toISOString(),
      blockDeviceMappings: mappings,
      launchPermission: { userIds: [], public: false },
      tags,
    };
    putImage(ctx, doc);
    return { imageId };
  },
});

export const describeImages = defineOperation({
  input: z.object({
    ImageId: STRING_LIST,
    Owner: STRING_LIST,
    ExecutableBy: STRING_LIST,
    Filter: FILTERS,
    IncludeDeprecated: awsBool.optional(),
    IncludeDisabled: awsBool.optional(),
    MaxResults: z.coerce.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: DRY_RUN,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    refuseMaxResultsWithIds(input.ImageId, input.MaxResults, 'imageIds');
    const account = ctx.account;
    const visible = imagesInRegion(ctx, ctx.region).filter((i) => imageVisibleTo(i, account));
    const ids = input.ImageId ?? [];
    for (const id of ids) requireWellFormed('ami', id);
    const missing = ids.filter((id) => !visible.some((i) => i.imageId === id));
    if (missing.length > 0) throw imageNotFound(missing);
    gate(ctx, input.DryRun, 'DescribeImages', []);
    const owners = (input.Owner ?? []).map((o) => (o === 'self' ? account : o));
    const executable = input.ExecutableBy ?? [];
    const nowMs = ctx.now().getTime();
    const chosen = visible
      .filter((i) => ids.length === 0 || ids.includes(i.imageId))
      .filter(
        (i) =>
          owners.length === 0 ||
          owners.some((o) => (/^\d{12}$/.test(o) ? i.ownerId === o : i.imageOwnerAlias === o)),
      )
      .filter(
        (i) =>
          executable.length === 0 ||
          executable.some((e) =>
            e === 'all'
              ? i.launchPermission.public
              : e === 'self' || e === account
                ? i.ownerId !== account && i.launchPermission.userIds.includes(account)
                : i.ownerId === account && i.launchPermission.userIds.includes(e),
          ),
      );
    const snapshotsOf = (i: ImageDoc) => backingSnapshots(ctx, i);
    const filtered = applyFilters(
      chosen,
      input.Filter,
      {
        architecture: (i) => i.architecture,
        'block-device-mapping.snapshot-id': (i) =>
          i.blockDeviceMappings.map((m) => m.ebs?.snapshotId),
        'block-device-mapping.encrypted': (i) => snapshotsOf(i).map((s) => String(s.encrypted)),
        'block-device-mapping.device-name': (i) => i.blockDeviceMappings.map((m) => m.deviceName),
        'block-device-mapping.volume-size': (i) =>
          i.blockDeviceMappings.map((m) => m.ebs?.volumeSize?.toString()),
        'block-device-mapping.volume-type': (i) =>
          i.blockDeviceMappings.map((m) => m.ebs?.volumeType),
        description: (i) => i.description,
        'image-id': (i) => i.imageId,
        'image-type': () => 'machine',
        'is-public': (i) => i.launchPermission.public,
        name: (i) => i.name,
        'owner-alias': (i) => i.imageOwnerAlias,
        'owner-id': (i) => i.ownerId,
        'root-device-name': (i) => i.rootDeviceName,
        'root-device-type': () => 'ebs',
        state: (i) => imageState(ctx, i, nowMs).state,
        'virtualization-type': (i) => i.virtualizationType,
        'source-image-id': (i) => i.sourceImageId,
      },
      (i) => i.tags,
    );
    const { page, nextToken } = paginate(
      filtered,
      input,
      { min: 5, max: 1000 },
      { o: owners, e: executable, f: input.Filter, a: account, r: ctx.region },
    );
    return {
      imagesSet: page.map((i) => {
        const view = imageView(ctx, i, nowMs);
        // User-defined tags are not shared (reference §3.6).
        return i.ownerId === account ? view : { ...view, tagSet: undefined };
      }),
      nextToken,
    };
  },
  responseElements: null,
});

export const deregisterImage = defineOperation({
  input: z.object({
    ImageId: z.string().optional(),
    DeleteAssociatedSnapshots: awsBool.optional(),
    DryRun: DRY_RUN,
  }),
  handler: (ctx, input) => {
    const doc = findOwnImage(ctx, required(input.ImageId, 'ImageId'));
    gate(ctx, input.DryRun, 'DeregisterImage', [imageArn(ctx.region, doc.imageId)]);
    const snapshots = backingSnapshots(ctx, doc);
    ctx.store.delete(IMAGE, ctx.scope, doc.imageId);
    const deleteSnapshotResultSet: { snapshotId: string; returnCode: string }[] = [];
    if (input.DeleteAssociatedSnapshots === true) {
      for (const s of snapshots) {
        ctx.store.delete(SNAPSHOT, ctx.scope, s.snapshotId);
        deleteSnapshotResultSet.push({ snapshotId: s.snapshotId, returnCode: 'success' });
      }
    }
    return {
      return: true,
      ...(input.DeleteAssociatedSnapshots === true ? { deleteSnapshotResultSet } : {}),
    };
  },
});
