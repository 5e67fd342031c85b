import { KeywardError } from '../../src-shared/errors';
import {
  stepRefSchema,
  type StepSpec,
  type WorkflowPlan,
  type WorkflowRun,
} from '../../src-shared/models/workflow-plan';
import type { PlanDraft } from './plans/plan-draft';

/** A parameter with the outputs of steps that already ran written in (a reference otherwise). */
function withOutputs(value: unknown, run: WorkflowRun): unknown {
  const ref = stepRefSchema.safeParse(value);
  if (ref.success) {
    const index = run.plan.steps.findIndex((s) => s.id === ref.data.step);
    if (index < 0) return value;
    const made = run.steps[index]?.outputs[ref.data.output];
    if (made === undefined) {
      throw new KeywardError(
        'validation',
        `Step "${ref.data.step}" of run ${run.runId} has not made its ${ref.data.output} yet: the other account's side needs it.`,
        { hint: 'Finish (or continue) this run first, then download the hand-off.' },
      );
    }
    return made;
  }
  if (Array.isArray(value)) return value.map((v) => withOutputs(v, run));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOutputs(v, run)]));
  }
  return value;
}

/**
 * The part of `full` (the whole job's plan) that `run` (its first part, run here) left for the
 * other account: its own steps, with what the run made written in — the hand-off runbook.
 */
export function handoffDraft(full: WorkflowPlan, run: WorkflowRun): PlanDraft {
  const ran = new Set(run.plan.steps.map((s) => s.id));
  const steps = full.steps
    .filter((s) => !ran.has(s.id))
    .map((s): StepSpec => ({
      id: s.id,
      kind: s.kind,
      profileId: s.profileId,
      region: s.region,
      params: withOutputs(s.params, run) as StepSpec['params'],
    }));
  if (steps.length === 0) {
    throw new KeywardError('validation', `Run ${run.runId} left nothing for the other account.`);
  }
  const profiles = new Set(steps.map((s) => s.profileId));
  return {
    job: full.job,
    title: `${full.title} — the other account's side`,
    variables: full.variables.filter((v) => v.kind !== 'profile' || profiles.has(v.value)),
    steps,
  };
}
