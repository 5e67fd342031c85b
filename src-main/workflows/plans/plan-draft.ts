import type { RunbookVariable, StepSpec } from '../../../src-shared/models/workflow-plan';

/** What a plan builder makes: the steps as specs; the engine describes them from their kinds. */
export interface PlanDraft {
  readonly job: string;
  readonly title: string;
  readonly variables: readonly RunbookVariable[];
  readonly steps: readonly StepSpec[];
}
