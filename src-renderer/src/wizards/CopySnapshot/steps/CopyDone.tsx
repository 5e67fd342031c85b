import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import { DoneHeading } from '../../workflow/DoneHeading';
import classes from '../../../pages/key-detail/KeyDetail.module.css';
import { runOutput } from '../../workflow/RunProgress';

/** The finished copy: the new snapshot, where it is, the run id. */
export function CopyDone({
  run,
  destinationRegion,
}: {
  run: WorkflowRun;
  destinationRegion: string;
}) {
  return (
    <Stack gap="xs">
      <DoneHeading>The copy is complete</DoneHeading>
      <Text size="sm">
        New snapshot <strong data-testid="copy-new-snapshot">{runOutput(run, 'snapshotId')}</strong>{' '}
        in <strong>{destinationRegion}</strong>. Run id:{' '}
        <span data-testid="copy-run-id">{run.runId}</span>.
      </Text>
      <Anchor
        className={classes.link}
        component={Link}
        to="/snapshots"
        size="sm"
        underline="always"
        w="fit-content"
      >
        Open the Snapshots page (refresh it to see the copy)
      </Anchor>
      <Anchor
        className={classes.link}
        component={Link}
        to={`/runs/${encodeURIComponent(run.runId)}`}
        size="sm"
        underline="always"
        w="fit-content"
      >
        Open the run (its steps and CloudTrail events)
      </Anchor>
    </Stack>
  );
}
