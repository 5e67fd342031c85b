import { Button, Checkbox, List, Progress, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { useOperation } from '../../api/use-operation';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { ModalFooter, ModalFrame } from '../../components/ModalFrame/ModalFrame';

export interface UndoRunProps {
  readonly runId: string;
  readonly plan: WorkflowPlan;
}

/**
 * "Undo this run…": what undoing each step does (last step first, as the engine goes), the
 * consent to delete what the run made, then the undo with its progress and outcome.
 */
export function UndoRun({ runId, plan }: UndoRunProps) {
  const [opened, setOpened] = useState(false);
  const [confirmDeletes, setConfirmDeletes] = useState(false);
  const undo = useOperation('workflows.undo');
  const { state } = undo;
  const deletes = plan.steps.some((s) => s.undoDeletes);
  const busy = state.status === 'running';
  const queries = useQueryClient();
  // The run's page and the Runs list show the undone steps without a reload.
  useEffect(() => {
    if (state.status !== 'done') return;
    void queries.invalidateQueries({ queryKey: ['workflows.get', runId] });
    void queries.invalidateQueries({ queryKey: ['workflows.list'] });
  }, [state.status, queries, runId]);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        onClick={() => setOpened(true)}
        w="fit-content"
      >
        {state.status === 'done' ? 'Undone' : 'Undo this run…'}
      </Button>
      <ModalFrame
        opened={opened}
        onClose={() => !busy && setOpened(false)}
        title={`Undo run ${runId}`}
      >
        <Stack gap="sm">
          <Text size="sm">Undo reverts each step where AWS allows, last step first:</Text>
          <List size="sm" spacing={4} data-testid="undo-steps">
            {[...plan.steps].reverse().map((step) => (
              <List.Item key={step.id}>
                <strong>{step.title}</strong> — {step.undo}
              </List.Item>
            ))}
          </List>
          {deletes && (
            <Checkbox
              label="Delete what this run created (copies of snapshots and AMIs, volumes, instances): it cannot be brought back"
              checked={confirmDeletes}
              onChange={(event) => setConfirmDeletes(event.currentTarget.checked)}
              disabled={busy || state.status === 'done'}
            />
          )}
          {busy && (
            <Stack gap={4} aria-live="polite">
              <Text size="sm">{state.title ?? 'Starting…'}</Text>
              <Progress value={100 * (state.value ?? 0.02)} animated aria-label="Undoing the run" />
            </Stack>
          )}
          {state.status === 'failed' && <ErrorAlert error={state.error} />}
          {state.status === 'done' && (
            <Text size="sm" data-testid="undo-done" aria-live="polite">
              Run {runId} is undone:{' '}
              {state.result.steps.filter((s) => s.status === 'undone').length} steps reverted.
            </Text>
          )}
          <ModalFooter>
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
              {state.status === 'done' ? 'Close' : 'Cancel'}
            </Button>
            {state.status !== 'done' && (
              <Button
                color="red"
                loading={busy}
                disabled={deletes && !confirmDeletes}
                onClick={() => void undo.start({ runId, confirmDeletes })}
              >
                Undo the run
              </Button>
            )}
          </ModalFooter>
        </Stack>
      </ModalFrame>
    </>
  );
}
