import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { WorkflowRun } from '../../../../src-shared/models/workflow-plan';
import { useOperation } from '../../api/use-operation';
import { RunProgress } from '../../wizards/workflow/RunProgress';

/**
 * "Continue the run" for an interrupted or failed run: the engine runs only the steps left, with
 * progress. `autoStart` continues at once (the startup notice's Continue brings the user here).
 */
export function ContinueRun({ run, autoStart }: { run: WorkflowRun; autoStart: boolean }) {
  const resume = useOperation('workflows.resume');
  const { start: startResume } = resume;
  const queries = useQueryClient();
  const start = () => void startResume({ runId: run.runId });
  const started = useRef(false);
  useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      void startResume({ runId: run.runId });
    }
  }, [autoStart, startResume, run.runId]);
  const ended = resume.state.status === 'done' || resume.state.status === 'failed';
  useEffect(() => {
    if (!ended) return;
    void queries.invalidateQueries({ queryKey: ['workflows.get', run.runId] });
    void queries.invalidateQueries({ queryKey: ['workflows.list'] });
    void queries.invalidateQueries({ queryKey: ['workflows.events', run.runId] });
  }, [ended, queries, run.runId]);

  if (resume.state.status === 'idle') {
    return (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Continuing runs only the steps left: what the run already made is tagged keyward:run-id ={' '}
          {run.runId} and is found again, not made twice.
        </Text>
        <Button onClick={start}>Continue the run</Button>
      </Stack>
    );
  }
  return (
    <RunProgress
      plan={run.plan}
      state={resume.state}
      onRetry={start}
      doing="Continuing the run"
      done={() => (
        <Text size="sm" fw={600}>
          The run is complete.
        </Text>
      )}
    />
  );
}
