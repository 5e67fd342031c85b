import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import classes from '../../../pages/key-detail/KeyDetail.module.css';
import { runOutput } from '../../workflow/RunProgress';
import { UndoRun } from '../../workflow/UndoRun';
import type { ShareAmiChoices } from '../share-ami-form';

/** What the finished run left in the target account: its own AMI, an instance, or the sharing. */
export function ShareAmiDone({ run, choices }: { run: WorkflowRun; choices: ShareAmiChoices }) {
  const imageId = runOutput(run, 'imageId');
  const instanceId = runOutput(run, 'instanceId');
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text fw={600}>The AMI is shared</Text>
      </Group>
      {imageId && (
        <Text size="sm">
          The target’s own AMI <strong data-testid="share-ami-new-image">{imageId}</strong> in{' '}
          <strong>{choices.targetRegion}</strong>, encrypted with its key.
        </Text>
      )}
      {instanceId && (
        <Text size="sm">
          Instance <strong data-testid="share-ami-new-instance">{instanceId}</strong> runs in the
          target account in <strong>{choices.targetRegion}</strong>, its volumes encrypted with its
          key. It runs (and is billed) until it is terminated: <em>Undo this run</em> terminates it.
        </Text>
      )}
      {!imageId && !instanceId && (
        <Text size="sm">
          The target account may now launch or copy the AMI; its side is in the runbook of the
          preview.
        </Text>
      )}
      <Text size="sm">
        Run id: <span data-testid="share-ami-run-id">{run.runId}</span>
      </Text>
      <Group gap="md">
        <UndoRun runId={run.runId} plan={run.plan} />
        <Anchor className={classes.link} component={Link} to="/amis" size="sm" underline="always">
          {imageId
            ? 'Open the AMIs page (read the target’s profile there to see its AMI)'
            : 'Open the AMIs page'}
        </Anchor>
      </Group>
    </Stack>
  );
}
