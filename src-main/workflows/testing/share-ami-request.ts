import { PROD_AMI_WEB } from '../../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../../src-shared/schemas/workflow-request';

/** Wizard 3's request as the tests start from it: prod's web AMI copied into backup under dr-backups. */
export const shareAmiRequest = (overrides: Record<string, unknown> = {}) =>
  workflowRequest.parse({
    job: 'share-ami',
    profileId: 'prod',
    region: 'us-east-1',
    imageId: PROD_AMI_WEB,
    targetProfileId: 'backup',
    targetRegion: 'us-east-1',
    targetKmsKeyId: 'alias/dr-backups',
    then: 'copy-image',
    ...overrides,
  });
