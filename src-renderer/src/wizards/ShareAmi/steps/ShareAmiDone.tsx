import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import classes from '../../../pages/key-detail/KeyDetail.module.css';
import { stepOutput } from '../../workflow/RunProgress';
import { UndoRun } from '../../workflow/UndoRun';
import type { AmiSource, ShareAmiChoices } from '../share-ami-form';

interface ShareAmiDoneProps {
  readonly run: WorkflowRun;
  readonly source: AmiSource;
  readonly choices: ShareAmiChoices;
}

/** What the finished run left in the target account: its own AMI, an instance, or the sharing. */
export function ShareAmiDone({ run, source, choices }: ShareAmiDoneProps) {
  const shared = stepOutput(run, 'reencrypt', 'imageId');
  const imageId = stepOutput(run, 'copy', 'imageId');
  const instanceId = stepOutput(run, 'launch', 'instanceId');
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text fw={600}>{shared ? 'The re-encrypted copy is shared' : 'The AMI is shared'}</Text>
      </Group>
      {shared && (
        <Text size="sm">
          Shared your re-encrypted copy{' '}
          <strong data-testid="share-ami-reencrypted">{shared}</strong> (in {source.region}, on your
          customer managed key). The original {source.imageId} on aws/ebs still exists, unchanged
          and unshared.
        </Text>
      )}
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
        <Anchor
          className={classes.link}
          component={Link}
          to="/amis"
          size="sm"
          underline="always"
          w="fit-content"
        >
          {imageId
            ? 'Open the AMIs page (read the target’s profile there to see its AMI)'
            : 'Open the AMIs page'}
        </Anchor>
      </Group>
    </Stack>
  );
}
