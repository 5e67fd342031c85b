import type {
  PreflightCheck,
  PreflightResult,
  WorkflowPlan,
} from '../../src-shared/models/workflow-plan';
import type { KeyContext } from '../key-operations/key-context';
import type { StepRegistry } from './step-registry';

/** Every step's read-only checks, before anything changes; a check that cannot run is a failure. */
export async function preflight(
  ctx: KeyContext,
  registry: StepRegistry,
  plan: WorkflowPlan,
  retrying: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<PreflightResult> {
  const checks: PreflightCheck[] = [];
  for (const step of plan.steps) {
    const kind = registry.kind(step.kind);
    const place = {
      ctx,
      runId: plan.runId,
      stepId: step.id,
      profileId: step.profileId,
      region: step.region,
      planned: plan.steps,
    };
    try {
      const params = registry.params(step.kind, step.params);
      checks.push(...(await retrying(() => kind.check(place, params))));
    } catch (error) {
      checks.push({
        stepId: step.id,
        status: 'failed',
        message: `The checks of "${step.title}" could not run: ${(error as Error).message}`,
      });
    }
  }
  return { ok: checks.every((c) => c.status !== 'failed'), checks };
}
