import { Anchor, Button, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useOperation } from '../../../api/use-operation';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import classes from '../../../pages/key-detail/KeyDetail.module.css';

/** Shares it all again: the run's undo (a revoked grant is made anew, with a new id). */
function UndoRevoke({ runId, accountId }: { runId: string; accountId: string }) {
  const undo = useOperation('workflows.undo');
  if (undo.state.status === 'done') {
    return (
      <Text size="sm" data-testid="revoke-undone">
        Shared with account {accountId} again, as before the run.
      </Text>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="default"
        loading={undo.state.status === 'running'}
        onClick={() => void undo.start({ runId, confirmDeletes: false })}
      >
        Undo: share it all again
      </Button>
      {undo.state.status === 'failed' && <ErrorAlert error={undo.state.error} />}
    </Stack>
  );
}

/** The finished run: what no longer is shared with the account, and the run id. */
export function RevokeDone({ run, accountId }: { run: WorkflowRun; accountId: string }) {
  const done = run.plan.steps.filter((_, i) => run.steps[i]?.status === 'done');
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text fw={600}>Account {accountId} no longer has what was shared with it</Text>
      </Group>
      <List size="sm" spacing={2} data-testid="revoke-removed">
        {done.map((step) => (
          <List.Item key={step.id}>{step.title}</List.Item>
        ))}
      </List>
      <Text size="sm">
        Run id: <span data-testid="revoke-run-id">{run.runId}</span>. Undoing it shares everything
        again; a revoked grant comes back with a new grant id.
      </Text>
      <UndoRevoke runId={run.runId} accountId={accountId} />
      <Anchor
        className={classes.link}
        component={Link}
        to="/snapshots"
        size="sm"
        underline="always"
        w="fit-content"
      >
        Open the Snapshots page
      </Anchor>
    </Stack>
  );
}
