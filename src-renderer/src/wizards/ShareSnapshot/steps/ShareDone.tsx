import { Anchor, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import type { WorkflowRequest } from '../../../../../src-shared/schemas/workflow-request';
import { useApi } from '../../../api/api-context';
import { toSerialized } from '../../../api/present-error';
import { downloadText } from '../../../components/DataTable/export-rows';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import classes from '../../../pages/key-detail/KeyDetail.module.css';
import { UndoRun } from '../../workflow/UndoRun';

const outputOf = (run: WorkflowRun, stepId: string, name: string) =>
  run.steps.find((s) => s.id === stepId)?.outputs[name];

/** The other account's side as a script, after a run that stopped at the share. */
function HandoffButton({ run, request }: { run: WorkflowRun; request: WorkflowRequest }) {
  const api = useApi();
  const handoff = useMutation({
    mutationFn: () =>
      request.job === 'share-snapshot'
        ? api.workflows.handoff({ request, runId: run.runId })
        : Promise.reject(new Error('Only a share has another account’s side.')),
    onSuccess: (runbook) =>
      downloadText(`keyward-share-target-${run.runId}.sh`, runbook.script, 'text/x-sh'),
  });
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        leftSection={<IconDownload size={16} />}
        onClick={() => handoff.mutate()}
        loading={handoff.isPending}
      >
        Download the target account’s runbook
      </Button>
      {handoff.isError && <ErrorAlert error={toSerialized(handoff.error)} />}
    </Stack>
  );
}

/** The finished share: what the other account now has (its copy), or its runbook to hand over. */
export function ShareDone({ run, request }: { run: WorkflowRun; request: WorkflowRequest }) {
  const copy = outputOf(run, 'copy', 'snapshotId');
  const shared = outputOf(run, 'reencrypt', 'snapshotId');
  const volume = outputOf(run, 'volume', 'volumeId');
  const target = request.job === 'share-snapshot' ? request : undefined;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text fw={600}>{copy ? 'Shared and copied' : 'Shared'}</Text>
      </Group>
      {shared && (
        <Text size="sm">
          Shared the re-encrypted copy <strong data-testid="share-reencrypted">{shared}</strong>{' '}
          (the aws/ebs original stays unshared).
        </Text>
      )}
      {copy ? (
        <Text size="sm">
          The other account’s own copy: <strong data-testid="share-target-snapshot">{copy}</strong>{' '}
          in <strong>{target?.targetRegion}</strong>, encrypted with its key. Run id:{' '}
          <span data-testid="share-run-id">{run.runId}</span>.
          {volume && (
            <>
              {' '}
              Its volume <strong data-testid="share-target-volume">{volume}</strong> in{' '}
              {target?.volumeAvailabilityZone} is available.
            </>
          )}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            Your side is done (run <span data-testid="share-run-id">{run.runId}</span>). The other
            account now runs its side: copy the snapshot re-encrypted with its own key. Hand it this
            script; it runs with the AWS CLI as it is (set TARGET_PROFILE to its profile).
          </Text>
          <HandoffButton run={run} request={request} />
        </Stack>
      )}
      <Group gap="md">
        <UndoRun runId={run.runId} plan={run.plan} />
        <Anchor
          className={classes.link}
          component={Link}
          to="/snapshots"
          size="sm"
          underline="always"
        >
          Open the Snapshots page
        </Anchor>
      </Group>
    </Stack>
  );
}
