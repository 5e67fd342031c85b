import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { WorkflowRunSummary } from '../../../../src-shared/models/workflow-plan';
import { useApi } from '../../api/api-context';

/** A failed run is offered again at startup for a day; an interrupted one until it is handled. */
const FAILED_OFFER_MS = 86_400_000;

/** The runs the last session left unfinished: cut off mid-run (the app died), or failed lately. */
export function interruptedRuns(
  runs: readonly WorkflowRunSummary[],
  now = Date.now(),
): WorkflowRunSummary[] {
  return runs.filter(
    (r) =>
      r.resumable && (r.status === 'running' || now - Date.parse(r.updatedAt) < FAILED_OFFER_MS),
  );
}

/**
 * At startup: "A run was interrupted" with Continue (on the run's page, with progress), Open and
 * Dismiss. Not a modal: the user may have come for something else. Read once, when the app opens.
 */
export function InterruptedRunNotice() {
  const api = useApi();
  const navigate = useNavigate();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const runs = useQuery({
    queryKey: ['workflows.list', 'at-startup'],
    queryFn: () => api.workflows.list(),
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const open = interruptedRuns(runs.data ?? []).filter((r) => !dismissed.has(r.runId));
  const run = open[0];
  if (!run) return null;
  const dismiss = () => setDismissed((d) => new Set([...d, run.runId]));
  const go = (suffix: string) => {
    dismiss();
    void navigate(`/runs/${encodeURIComponent(run.runId)}${suffix}`);
  };
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      icon={<IconPlayerPause aria-hidden />}
      title={run.status === 'running' ? 'A run was interrupted' : 'A run stopped on a failed step'}
      data-testid="interrupted-run"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      role="region"
    >
      <Text size="sm" mb="xs" style={{ overflowWrap: 'anywhere' }}>
        {run.title} — {run.stepsDone} of {run.stepCount} steps done.
        {open.length > 1 ? ` ${open.length - 1} more unfinished on the Runs page.` : ''} Continuing
        runs only the steps left.
      </Text>
      <Group gap="xs">
        <Button size="xs" onClick={() => go('?continue=1')}>
          Continue
        </Button>
        <Button size="xs" variant="default" onClick={() => go('')}>
          Open
        </Button>
        <Button size="xs" variant="subtle" color="dark" onClick={dismiss}>
          Dismiss
        </Button>
      </Group>
    </Alert>
  );
}
