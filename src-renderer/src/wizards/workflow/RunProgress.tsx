import { Button, List, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconLoader2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { WorkflowPlan, WorkflowRun } from '../../../../src-shared/models/workflow-plan';
import type { OperationState } from '../../api/use-operation';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';

export interface RunProgressProps {
  readonly plan: WorkflowPlan | undefined;
  readonly state: OperationState<WorkflowRun>;
  readonly onRetry: () => void;
  /** What the progress bar is doing, for screen readers ("Copying the snapshot"). */
  readonly doing: string;
  /** What the finished run made (the new snapshot, the run id). */
  readonly done: (run: WorkflowRun) => ReactNode;
}

type Running = Extract<OperationState<WorkflowRun>, { status: 'running' }>;

function StepList({ plan, state }: { plan: WorkflowPlan; state: Running }) {
  const current = state.step ?? 0;
  return (
    <List spacing={4} size="sm" center>
      {plan.steps.map((step, index) => (
        <List.Item
          key={step.id}
          icon={
            <ThemeIcon
              size="sm"
              radius="xl"
              variant="light"
              color={index < current ? 'green' : 'gray'}
              role="img"
              aria-label={index < current ? 'Done' : index === current ? 'Running' : 'Waiting'}
            >
              {index < current ? <IconCircleCheck size={14} /> : <IconLoader2 size={14} />}
            </ThemeIcon>
          }
        >
          {step.title}
          {index === current && state.detail?.progress ? ` — ${state.detail.progress}` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/** The output `name` of the first step of the run that made one (the copy's snapshotId). */
export const runOutput = (run: WorkflowRun, name: string): string | undefined =>
  run.steps.find((s) => s.outputs[name])?.outputs[name];

/** An output of one step of a run (when several steps make the same kind of thing). */
export const stepOutput = (run: WorkflowRun, stepId: string, name: string): string | undefined =>
  run.steps.find((s) => s.id === stepId)?.outputs[name];

/** A guided job's last step: progress per step, the error with "Continue the run", or `done`. */
export function RunProgress({ plan, state, onRetry, doing, done }: RunProgressProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <Stack gap="sm" aria-live="polite" data-testid="workflow-progress">
        <Text size="sm">{state.title ?? 'Starting…'}</Text>
        <Progress value={100 * (state.value ?? 0.02)} animated aria-label={doing} />
        {plan && <StepList plan={plan} state={state} />}
      </Stack>
    );
  }
  if (state.status === 'failed') {
    return (
      <Stack gap="sm" align="flex-start" data-testid="workflow-failed">
        <ErrorAlert error={state.error} />
        {plan && (
          <Text size="sm">
            Run {plan.runId} stopped. Continuing it runs only the steps left: what it already made
            in AWS is tagged keyward:run-id = {plan.runId} and is not made twice.
          </Text>
        )}
        <Button variant="default" onClick={onRetry}>
          Continue the run
        </Button>
      </Stack>
    );
  }
  return <div data-testid="workflow-done">{done(state.result)}</div>;
}
