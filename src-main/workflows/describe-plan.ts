import {
  workflowPlanSchema,
  type Runbook,
  type WorkflowPlan,
} from '../../src-shared/models/workflow-plan';
import type { KeyContext } from '../key-operations/key-context';
import type { PlanDraft } from './plans/plan-draft';
import { commandLine, literalNames, runbookScript, runbookText } from './runbook';
import type { StepRegistry } from './step-registry';

/** Keyward profile id → the AWS CLI profile name the runbook uses for it. */
export type ProfileNames = (
  profileIds: readonly string[],
) => Promise<(profileId: string) => string>;

/** The plan as the preview shows it: every step's title, API call, CLI line, undo and policy diff. */
export async function describePlan(
  ctx: KeyContext,
  registry: StepRegistry,
  profileNames: ProfileNames,
  draft: PlanDraft,
  runId: string,
): Promise<WorkflowPlan> {
  const nameOf = await profileNames(draft.steps.map((s) => s.profileId));
  const steps = await Promise.all(
    draft.steps.map(async (spec) => {
      const kind = registry.kind(spec.kind);
      const at = { runId, stepId: spec.id, profileId: spec.profileId, region: spec.region };
      const given = registry.params(spec.kind, spec.params);
      const params = kind.prepare ? await kind.prepare({ ...at, ctx }, given) : given;
      return {
        ...spec,
        params: params as Record<string, unknown>,
        title: kind.title(params, at),
        action: kind.action(params, at),
        cli: commandLine(kind.cli(params, at), spec, literalNames(nameOf)),
        outputs: [...kind.outputs],
        undo: kind.undo?.describe(params) ?? 'Nothing to undo.',
        undoDeletes: kind.undo?.deletes ?? false,
        ...(kind.policyDiff ? { policyDiff: kind.policyDiff(params, at) } : {}),
      };
    }),
  );
  return workflowPlanSchema.parse({
    runId,
    job: draft.job,
    title: draft.title,
    variables: draft.variables,
    steps,
  });
}

/** The whole job as a runbook to copy and as a script that runs as it is. */
export async function planRunbook(
  registry: StepRegistry,
  profileNames: ProfileNames,
  plan: WorkflowPlan,
): Promise<Runbook> {
  const profileName = await profileNames(plan.steps.map((s) => s.profileId));
  const commands = plan.steps.map((step) => {
    const kind = registry.kind(step.kind);
    const at = {
      runId: plan.runId,
      stepId: step.id,
      profileId: step.profileId,
      region: step.region,
    };
    return kind.cli(registry.params(step.kind, step.params), at);
  });
  const input = { plan, commands, profileName };
  return { text: runbookText(input), script: runbookScript(input) };
}
