import type { WorkflowPlan } from '../../../../src-shared/models/workflow-plan';

/** What undoing a step of each creating kind deletes, one and several. */
const MADE_BY: Readonly<Record<string, readonly [string, string]>> = {
  'copy-snapshot': ['snapshot copy', 'snapshot copies'],
  'create-snapshot': ['intermediate snapshot', 'intermediate snapshots'],
  'create-volume': ['volume', 'volumes'],
  'copy-image': ['AMI copy and its snapshots', 'AMI copies and their snapshots'],
  'launch-instance': ['instance (terminated)', 'instances (terminated)'],
};

/** The consent undo asks for, naming what it deletes ("the instance (terminated)"). */
export function deleteConsentLabel(plan: WorkflowPlan): string {
  const counts = new Map<string, number>();
  for (const step of plan.steps) {
    if (step.undoDeletes && MADE_BY[step.kind]) {
      counts.set(step.kind, (counts.get(step.kind) ?? 0) + 1);
    }
  }
  const things = [...counts].map(([kind, n]) => {
    const [one, many] = MADE_BY[kind] ?? ['', ''];
    return n === 1 ? `the ${one}` : `${n} ${many}`;
  });
  const what = things.length === 0 ? '' : `: ${things.join(', ')}`;
  return `Delete what this run created${what}. It cannot be brought back.`;
}
