import { Anchor, Button, Group, List, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconLoader2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { WorkflowPlan, WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import type { OperationState } from '../../../api/use-operation';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import classes from '../../../pages/key-detail/KeyDetail.module.css';

export interface RunStepProps {
  readonly plan: WorkflowPlan | undefined;
  readonly destinationRegion: string;
  readonly state: OperationState<WorkflowRun>;
  readonly onRetry: () => void;
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

/** The copy this run made: the output of its copy step. */
export const newSnapshotId = (run: WorkflowRun): string | undefined =>
  run.steps.find((s) => s.outputs.snapshotId)?.outputs.snapshotId;

/** Step 4: the run's progress per step, then the new snapshot and the run id. */
export function RunStep({ plan, destinationRegion, state, onRetry }: RunStepProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <Stack gap="sm" aria-live="polite" data-testid="copy-progress">
        <Text size="sm">{state.title ?? 'Starting…'}</Text>
        <Progress value={100 * (state.value ?? 0.02)} animated aria-label="Copying the snapshot" />
        {plan && <StepList plan={plan} state={state} />}
      </Stack>
    );
  }
  if (state.status === 'failed') {
    return (
      <Stack gap="sm" align="flex-start" data-testid="copy-failed">
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
  const copy = newSnapshotId(state.result);
  return (
    <Stack gap="xs" data-testid="copy-done">
      <Group gap="xs">
        <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text fw={600}>The copy is complete</Text>
      </Group>
      <Text size="sm">
        New snapshot <strong data-testid="copy-new-snapshot">{copy}</strong> in{' '}
        <strong>{destinationRegion}</strong>. Run id:{' '}
        <span data-testid="copy-run-id">{state.result.runId}</span>.
      </Text>
      <Anchor
        className={classes.link}
        component={Link}
        to="/snapshots"
        size="sm"
        underline="always"
        w="fit-content"
      >
        Open the Snapshots page (refresh it to see the copy)
      </Anchor>
    </Stack>
  );
}
