import type { WorkflowRequest } from '../../../src-shared/schemas/workflow-request';
import type { KeyContext } from '../../key-operations/key-context';
import { planCopySnapshot } from './copy-snapshot';
import type { PlanDraft } from './plan-draft';

/** The plan of a wizard's request. */
export function buildPlan(ctx: KeyContext, request: WorkflowRequest): Promise<PlanDraft> {
  switch (request.job) {
    case 'copy-snapshot':
      return planCopySnapshot(ctx, request);
  }
}
