import { iamService } from './iam';
import { stsService } from './sts';
import type { ServiceDefinition } from './types';

/** Every service the sandbox serves. Add kms, ec2 and cloudtrail here. */
export const SERVICES: readonly ServiceDefinition[] = [stsService, iamService];
