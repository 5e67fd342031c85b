import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { WorkflowRun, WorkflowRunSummary } from '../../../src-shared/models/workflow-plan';
import { useApi } from '../api/api-context';
import { toSerialized } from '../api/present-error';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { PageHeader } from '../components/PageHeader/PageHeader';
import { StatusBadge } from '../components/StatusBadge/StatusBadge';
import { PlanPreview } from '../wizards/workflow/PlanPreview';
import { UndoRun } from '../wizards/workflow/UndoRun';
import classes from './key-detail/KeyDetail.module.css';
import { formatDate } from './key-detail/format';
import { ContinueRun } from './runs/ContinueRun';
import { formatDuration, jobLabel, runDurationMs, runStatusBadge } from './runs/run-labels';
import { RunEventsPanel } from './runs/RunEventsPanel';
import { RunSteps } from './runs/RunSteps';

function Outcome({ run, summary }: { run: WorkflowRun; summary: WorkflowRunSummary | undefined }) {
  const badge = runStatusBadge(run.status, summary?.resumable ?? false);
  const ms = runDurationMs(run);
  return (
    <Group gap="lg" data-testid="run-outcome">
      <StatusBadge tone={badge.tone} tt="none">
        {badge.label}
      </StatusBadge>
      <Text size="sm">Started {formatDate(run.createdAt)}</Text>
      <Text size="sm">
        {run.endedAt
          ? `Ended ${formatDate(run.endedAt)}`
          : `Last change ${formatDate(run.updatedAt)}`}
      </Text>
      <Text size="sm">Took {ms === null ? '—' : formatDuration(ms)} in all</Text>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** `/runs/:runId`: one run's outcome, steps, plan and CloudTrail events; continue it if unfinished. */
export function RunDetailPage() {
  const runId = useParams().runId ?? '';
  const [search] = useSearchParams();
  const api = useApi();
  const run = useQuery({
    queryKey: ['workflows.get', runId],
    queryFn: () => api.workflows.get({ runId }),
  });
  const plan = useQuery({
    queryKey: ['workflows.get', runId],
    queryFn: () => api.workflows.get({ runId }),
    select: (r: WorkflowRun) => r.plan,
  });
  const runbook = useQuery({
    queryKey: ['workflows.runbook', runId],
    queryFn: () => api.workflows.runbook({ runId }),
  });
  const list = useQuery({ queryKey: ['workflows.list'], queryFn: () => api.workflows.list() });
  const summary = list.data?.find((r) => r.runId === runId);
  const [offerContinue, setOfferContinue] = useState(false);
  if (summary?.resumable && !offerContinue) setOfferContinue(true);

  const back = (
    <Anchor className={classes.link} component={Link} to="/runs" size="sm" w="fit-content">
      ← Back to the runs
    </Anchor>
  );
  if (run.isPending) return <Skeleton h={200} aria-label="Reading the run" />;
  if (run.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={toSerialized(run.error)} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap={0}>
        {back}
        <PageHeader
          title={`${jobLabel(run.data.plan.job)}: run of ${formatDate(run.data.createdAt)}`}
          description={`${run.data.plan.title}. Run id ${runId}.`}
        />
      </Stack>
      <Section title="Outcome">
        <Outcome run={run.data} summary={summary} />
        {run.data.error && <ErrorAlert error={run.data.error} />}
        {offerContinue && <ContinueRun run={run.data} autoStart={search.get('continue') === '1'} />}
        {(run.data.status === 'done' || run.data.status === 'failed') && (
          <UndoRun runId={runId} plan={run.data.plan} />
        )}
      </Section>
      <Section title="Steps">
        <RunSteps run={run.data} />
      </Section>
      <Section title="CloudTrail events">
        <RunEventsPanel runId={runId} />
      </Section>
      <Section title="Plan">
        <PlanPreview
          plan={plan}
          runbook={runbook}
          noun="the run"
          intro="The plan as it was started: every API call, and the same job as an AWS CLI runbook."
        />
      </Section>
    </Stack>
  );
}
