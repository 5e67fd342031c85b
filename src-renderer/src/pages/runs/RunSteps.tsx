import { Code, Stack, Table, Text } from '@mantine/core';
import type { PlanStep, StepState, WorkflowRun } from '../../../../src-shared/models/workflow-plan';
import { TableCard } from '../../components/DataTable/TableCard';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge/StatusBadge';
import { formatDuration, spanMs } from './run-labels';

const stepBadges: Readonly<Record<StepState['status'], { label: string; tone: StatusTone }>> = {
  pending: { label: 'Not started', tone: 'neutral' },
  running: { label: 'Cut off', tone: 'warning' },
  done: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  undone: { label: 'Undone', tone: 'neutral' },
};

function StepResult({ state }: { state: StepState }) {
  const outputs = Object.entries(state.outputs);
  return (
    <Stack gap={4}>
      {outputs.map(([name, value]) => (
        <Text size="sm" key={name} style={{ overflowWrap: 'anywhere' }}>
          {name}: <Code>{value}</Code>
        </Text>
      ))}
      {state.error && (
        <>
          <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
            {state.error.message}
          </Text>
          {state.error.aws && (
            <Text size="xs">
              AWS {state.error.aws.code}
              {state.error.aws.requestId && (
                <>
                  {' '}
                  · request id <Code>{state.error.aws.requestId}</Code>
                </>
              )}
            </Text>
          )}
        </>
      )}
      {outputs.length === 0 && !state.error && (
        <Text size="sm" c="dimmed">
          {state.progress ? `Last progress ${state.progress}` : '—'}
        </Text>
      )}
    </Stack>
  );
}

function StepRow({ step, state, index }: { step: PlanStep; state: StepState; index: number }) {
  const badge = stepBadges[state.status];
  const ms = spanMs(state.startedAt, state.endedAt);
  return (
    <Table.Tr data-testid="run-step">
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {index + 1}. {step.title}
          </Text>
          <Text size="xs" c="dimmed">
            {step.action.service}:{step.action.operation} · {step.profileId} in {step.region}
            {state.attempts > 1 ? ` · ${state.attempts} attempts` : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <StatusBadge tone={badge.tone} tt="none">
          {badge.label}
        </StatusBadge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ms === null ? '—' : formatDuration(ms)}</Text>
      </Table.Td>
      <Table.Td>
        <StepResult state={state} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Each step of a run as the journal has it: its state, how long it took, what it made or why it failed. */
export function RunSteps({ run }: { run: WorkflowRun }) {
  return (
    <TableCard aria-label="Steps" layout="fixed" minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Step</Table.Th>
          <Table.Th w={120}>State</Table.Th>
          <Table.Th w={80}>Took</Table.Th>
          <Table.Th w={230}>Made / error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.plan.steps.map((step, index) => {
          const state = run.steps[index];
          return state ? <StepRow key={step.id} step={step} state={state} index={index} /> : null;
        })}
      </Table.Tbody>
    </TableCard>
  );
}
