import { Button, Code, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { PlanStep, Runbook, WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { toSerialized } from '../../api/present-error';
import { CopyDetailsButton } from '../../components/CopyButton/CopyDetailsButton';
import { downloadText } from '../../components/DataTable/export-rows';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { PolicyDiffView } from './PolicyDiffView';
import { useProfileName } from './use-profile-name';

export interface PlanPreviewProps {
  readonly plan: UseQueryResult<WorkflowPlan>;
  readonly runbook: UseQueryResult<Runbook>;
  /** What the job is, for "Planning <noun>" ("the copy"). */
  readonly noun: string;
  /** The line above the steps (a wizard's: nothing changes until the run starts). */
  readonly intro?: string;
}

/** Long ARNs and CLI lines wrap instead of scrolling sideways (nothing hidden at 1024 px). */
const wrapped = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** A key policy step's Policy parameter is shown once, as the readable before/after below. */
const shownParams = (step: PlanStep) =>
  step.policyDiff && 'Policy' in step.action.params
    ? { ...step.action.params, Policy: '(the whole policy: “After” under Key policy)' }
    : step.action.params;

function PlanStepCard({ step, index }: { step: PlanStep; index: number }) {
  const profileName = useProfileName();
  return (
    <Paper withBorder p="sm" data-testid="workflow-plan-step">
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {index + 1}. {step.title}
        </Text>
        <Table
          variant="vertical"
          withTableBorder={false}
          fz="sm"
          layout="fixed"
          verticalSpacing={6}
          styles={{ th: { verticalAlign: 'top' } }}
        >
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>Where</Table.Th>
              <Table.Td>
                {profileName(step.profileId)} in {step.region}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>API call</Table.Th>
              <Table.Td>
                {step.action.service}:{step.action.operation}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Parameters</Table.Th>
              <Table.Td>
                <Code block style={wrapped}>
                  {JSON.stringify(shownParams(step), null, 2)}
                </Code>
              </Table.Td>
            </Table.Tr>
            {step.policyDiff && (
              <Table.Tr>
                <Table.Th>Key policy</Table.Th>
                <Table.Td>
                  <PolicyDiffView diff={step.policyDiff} />
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>Undo</Table.Th>
              <Table.Td>{step.undo}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function RunbookPanel({ runbook, plan }: { runbook: Runbook; plan: WorkflowPlan }) {
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          The same job with the AWS CLI
        </Title>
        <Group gap="xs">
          <CopyDetailsButton details={runbook.text} label="Copy runbook" />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() =>
              downloadText(`keyward-${plan.job}-${plan.runId}.sh`, runbook.script, 'text/x-sh')
            }
          >
            Download .sh
          </Button>
        </Group>
      </Group>
      <Code block data-testid="workflow-runbook" style={wrapped}>
        {runbook.text}
      </Code>
    </Stack>
  );
}

/** The Preview step: every AWS call the run will make, and the same job as a CLI runbook. */
export function PlanPreview({ plan, runbook, noun, intro }: PlanPreviewProps) {
  if (plan.isPending) return <Skeleton h={240} aria-label={`Planning ${noun}`} />;
  if (plan.isError) return <ErrorAlert error={toSerialized(plan.error)} />;
  return (
    <Stack gap="md">
      <Text size="sm">
        {intro ?? `${plan.data.title}. Nothing changes in AWS until you start the run.`}
      </Text>
      {plan.data.steps.map((step, index) => (
        <PlanStepCard key={step.id} step={step} index={index} />
      ))}
      {runbook.isPending && <Skeleton h={120} aria-label="Writing the runbook" />}
      {runbook.isError && <ErrorAlert error={toSerialized(runbook.error)} />}
      {runbook.data && <RunbookPanel runbook={runbook.data} plan={plan.data} />}
    </Stack>
  );
}
