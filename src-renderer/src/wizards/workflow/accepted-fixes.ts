import type { StepSpec } from '../../../../src-shared/models/workflow-plan';

/** The fixes the user ticked, as the engine wants them back. */
export function acceptedFixes(
  offered: readonly { readonly step: StepSpec }[],
  accepted: ReadonlySet<string>,
): StepSpec[] {
  return offered.map((fix) => fix.step).filter((step) => accepted.has(step.id));
}
