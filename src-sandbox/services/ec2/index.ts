import { EC2_ERROR_STYLE } from '../error-styles';
import type { ServiceDefinition } from '../types';
import { withClientToken } from './client-token';
import { copyImage } from './copy-image';
import { copySnapshot } from './copy-snapshot';
import {
  describeImageAttribute,
  modifyImageAttribute,
  resetImageAttribute,
} from './image-attributes';
import { deregisterImage, describeImages, registerImage } from './images';
import { describeInstances, terminateInstances } from './instances';
import { runInstances } from './run-instances';
import {
  describeAvailabilityZones,
  describeRegions,
  disableEbsEncryptionByDefault,
  enableEbsEncryptionByDefault,
  getEbsDefaultKmsKeyId,
  getEbsEncryptionByDefault,
  modifyEbsDefaultKmsKeyId,
  resetEbsDefaultKmsKeyId,
} from './regions';
import {
  describeSnapshotAttribute,
  modifySnapshotAttribute,
  resetSnapshotAttribute,
} from './snapshot-attributes';
import {
  disableSnapshotBlockPublicAccess,
  enableSnapshotBlockPublicAccess,
  getSnapshotBlockPublicAccessState,
} from './snapshot-block-public-access';
import { createSnapshot, deleteSnapshot, describeSnapshots } from './snapshots';
import { createTags, deleteTags, describeTags } from './tags';
import { createVolume, deleteVolume, describeVolumes } from './volumes';

/** EC2 (ec2Query): EBS volumes, snapshots, AMIs and just enough instances (reference §3). */
export const ec2Service: ServiceDefinition = {
  name: 'ec2',
  eventSource: 'ec2.amazonaws.com',
  wire: {
    protocol: 'ec2Query',
    apiVersion: '2016-11-15',
    xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  },
  errors: EC2_ERROR_STYLE,
  operations: {
    DescribeRegions: describeRegions,
    DescribeAvailabilityZones: describeAvailabilityZones,
    GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
    GetSnapshotBlockPublicAccessState: getSnapshotBlockPublicAccessState,
    EnableSnapshotBlockPublicAccess: enableSnapshotBlockPublicAccess,
    DisableSnapshotBlockPublicAccess: disableSnapshotBlockPublicAccess,
    EnableEbsEncryptionByDefault: enableEbsEncryptionByDefault,
    DisableEbsEncryptionByDefault: disableEbsEncryptionByDefault,
    GetEbsDefaultKmsKeyId: getEbsDefaultKmsKeyId,
    ModifyEbsDefaultKmsKeyId: modifyEbsDefaultKmsKeyId,
    ResetEbsDefaultKmsKeyId: resetEbsDefaultKmsKeyId,
    CreateVolume: withClientToken('CreateVolume', createVolume),
    DescribeVolumes: describeVolumes,
    DeleteVolume: deleteVolume,
    CreateSnapshot: createSnapshot,
    DescribeSnapshots: describeSnapshots,
    DeleteSnapshot: deleteSnapshot,
    CopySnapshot: copySnapshot,
    DescribeSnapshotAttribute: describeSnapshotAttribute,
    ModifySnapshotAttribute: modifySnapshotAttribute,
    ResetSnapshotAttribute: resetSnapshotAttribute,
    RegisterImage: registerImage,
    DescribeImages: describeImages,
    DeregisterImage: deregisterImage,
    CopyImage: withClientToken('CopyImage', copyImage),
    DescribeImageAttribute: describeImageAttribute,
    ModifyImageAttribute: modifyImageAttribute,
    ResetImageAttribute: resetImageAttribute,
    RunInstances: withClientToken('RunInstances', runInstances),
    DescribeInstances: describeInstances,
    TerminateInstances: terminateInstances,
    CreateTags: createTags,
    DescribeTags: describeTags,
    DeleteTags: deleteTags,
  },
};
