import type { WorkflowRequest } from '../../../src-shared/schemas/workflow-request';
import type { KeyContext } from '../../key-operations/key-context';
import { planCopySnapshot } from './copy-snapshot';
import type { PlanDraft } from './plan-draft';
import { planReencrypt } from './reencrypt';
import { planShareAmi } from './share-ami';
import { planRevokeSharing } from './revoke-sharing';
import { planShareSnapshot } from './share-snapshot';

/** The plan of a wizard's request. */
export function buildPlan(ctx: KeyContext, request: WorkflowRequest): Promise<PlanDraft> {
  switch (request.job) {
    case 'copy-snapshot':
      return planCopySnapshot(ctx, request);
    case 'share-snapshot':
      return planShareSnapshot(ctx, request);
    case 'reencrypt':
      return planReencrypt(ctx, request);
    case 'share-ami':
      return planShareAmi(ctx, request);
    case 'revoke-sharing':
      return planRevokeSharing(ctx, request);
  }
}
