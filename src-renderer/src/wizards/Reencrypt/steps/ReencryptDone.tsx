import { Anchor, Code, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WorkflowRun } from '../../../../../src-shared/models/workflow-plan';
import { DoneHeading } from '../../workflow/DoneHeading';
import classes from '../../../pages/key-detail/KeyDetail.module.css';
import { keepingCost } from '../keeping-cost';
import { isVolume, sourceId, type ReencryptSource } from '../reencrypt-form';
import type { SourceFacts } from '../use-reencrypt-source';

const outputOf = (run: WorkflowRun, stepId: string, name: string) =>
  run.steps.find((s) => s.id === stepId)?.outputs[name];

/** `/snapshots/share/…`: the share wizard for one snapshot. */
const sharePath = (source: ReencryptSource, snapshotId: string) =>
  `/snapshots/share/${encodeURIComponent(source.profileId)}/${source.region}/${snapshotId}`;

function PageLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor
      className={classes.link}
      component={Link}
      to={to}
      size="sm"
      underline="always"
      w="fit-content"
    >
      {children}
    </Anchor>
  );
}

export interface ReencryptDoneProps {
  readonly run: WorkflowRun;
  readonly source: ReencryptSource;
  readonly facts: SourceFacts | undefined;
  readonly keyLabel: string;
  readonly deleteIntermediate: boolean;
}

/** The finished run: what it made, that the original is kept (and what keeping it costs). */
export function ReencryptDone({
  run,
  source,
  facts,
  keyLabel,
  deleteIntermediate,
}: ReencryptDoneProps) {
  const volume = isVolume(source);
  const what = volume ? 'volume' : 'snapshot';
  const copy = outputOf(run, 'copy', 'snapshotId');
  const newVolume = outputOf(run, 'new', 'volumeId');
  const intermediate = outputOf(run, 'intermediate', 'snapshotId');
  const cost = keepingCost(facts, volume);
  const copyKept = !(volume && deleteIntermediate);
  const deleteCommand = volume
    ? `aws ec2 delete-volume --volume-id ${sourceId(source)}`
    : `aws ec2 delete-snapshot --snapshot-id ${sourceId(source)}`;
  return (
    <Stack gap="xs">
      <DoneHeading>
        {volume ? 'The new volume is ready' : 'The re-encrypted copy is ready'}
      </DoneHeading>
      {volume ? (
        <Text size="sm">
          New volume <strong data-testid="reencrypt-new-volume">{newVolume}</strong> in{' '}
          <strong>{facts?.availabilityZone ?? source.region}</strong>, encrypted with{' '}
          <strong>{keyLabel}</strong>, made from snapshot <strong>{copy}</strong>
          {copyKept ? '' : ' (deleted, as asked, with the intermediate snapshot)'}.
        </Text>
      ) : (
        <Text size="sm">
          New snapshot <strong data-testid="reencrypt-new-snapshot">{copy}</strong> in{' '}
          <strong>{source.region}</strong>, encrypted with <strong>{keyLabel}</strong>.
        </Text>
      )}
      <Text size="sm" data-testid="reencrypt-original-kept">
        The original {what} <strong>{sourceId(source)}</strong> is kept as it was, under its old
        key: Keyward never deletes it.{cost ? ` Keeping it costs ${cost}.` : ''} Delete it yourself
        when you no longer need it:
      </Text>
      <Code block data-testid="reencrypt-delete-command">
        {deleteCommand}
      </Code>
      {volume && copyKept && (
        <Text size="sm">
          The intermediate snapshot <strong>{intermediate}</strong> (old key) and the copy{' '}
          <strong>{copy}</strong> (new key) are kept too; each is billed for its storage.
        </Text>
      )}
      <Text size="sm">
        Run id: <span data-testid="reencrypt-run-id">{run.runId}</span>.
      </Text>
      {copy && copyKept && (
        <PageLink to={sharePath(source, copy)}>
          Share the new snapshot with another account…
        </PageLink>
      )}
      <PageLink to="/snapshots">
        Open the Snapshots page (refresh it to see the new snapshot)
      </PageLink>
    </Stack>
  );
}
