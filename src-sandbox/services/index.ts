import { cloudtrailService } from './cloudtrail';
import { ec2Service } from './ec2';
import { iamService } from './iam';
import { kmsService } from './kms';
import { stsService } from './sts';
import type { ServiceDefinition } from './types';

/** Every service the sandbox serves. */
export const SERVICES: readonly ServiceDefinition[] = [
  stsService,
  iamService,
  kmsService,
  cloudtrailService,
  ec2Service,
];
