import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type {
  ManualRotationPartial,
  ManualRotationResult,
} from '../../../../../src-shared/models/key-changes';
import type { KeyRef } from '../../../../../src-shared/schemas/key-ref';
import type { OperationState } from '../../../api/use-operation';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { StatusBadge } from '../../../components/StatusBadge/StatusBadge';
import { stateLabel, stateTone } from '../../../pages/key-detail/key-facts';
import { formatDate } from '../../../pages/key-detail/format';
import { keyPath } from '../../../pages/keys/key-paths';
import classes from '../../../pages/key-detail/KeyDetail.module.css';

export interface RunStepProps {
  readonly keyRef: KeyRef;
  readonly state: OperationState<ManualRotationResult>;
  readonly partial: ManualRotationPartial | null;
  readonly onResume: () => void;
  readonly onRestart: () => void;
}

const keyIdOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** What a run has done so far: after a failure, exactly what exists in AWS now. */
function DoneSoFar({ partial, keyRef }: { partial: ManualRotationPartial | null; keyRef: KeyRef }) {
  if (!partial?.newKeyArn) {
    return <Text size="sm">Nothing was changed in AWS: no new key was created.</Text>;
  }
  const newKey = keyIdOf(partial.newKeyArn);
  return (
    <List size="sm" spacing={2} data-testid="rotation-done-so-far">
      <List.Item>
        New key created:{' '}
        <Anchor
          underline="always"
          className={classes.link}
          component={Link}
          to={keyPath({ ...keyRef, keyId: newKey })}
        >
          {newKey}
        </Anchor>
      </List.Item>
      {partial.materialImported && <List.Item>Key material imported into it</List.Item>}
      {partial.replicated.length > 0 && (
        <List.Item>Replicated to {partial.replicated.join(', ')}</List.Item>
      )}
      <List.Item>
        {partial.aliasesMoved.length > 0
          ? `Aliases now on the new key: ${partial.aliasesMoved.join(', ')}`
          : 'No alias moved yet'}
      </List.Item>
    </List>
  );
}

/** Step 4: the rotation's progress, then its result with the old key's check. */
export function RunStep({ keyRef, state, partial, onResume, onRestart }: RunStepProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <Stack gap="sm" aria-live="polite" data-testid="rotation-progress">
        <Text size="sm">
          {state.title ?? 'Starting…'}
          {state.step !== undefined && state.stepCount
            ? ` (step ${state.step + 1} of ${state.stepCount})`
            : ''}
        </Text>
        <Progress
          value={
            state.step !== undefined && state.stepCount
              ? (100 * (state.step + 1)) / state.stepCount
              : 5
          }
          animated
          aria-label="Rotating the key"
        />
        {partial?.newKeyArn && <DoneSoFar partial={partial} keyRef={keyRef} />}
      </Stack>
    );
  }
  if (state.status === 'failed') {
    const made = Boolean(partial?.newKeyArn);
    return (
      <Stack gap="sm" data-testid="rotation-failed">
        <ErrorAlert error={state.error} />
        <Text fw={600} size="sm">
          What is done
        </Text>
        <DoneSoFar partial={partial} keyRef={keyRef} />
        <Group>
          {made ? (
            <Button onClick={onResume}>Continue with this new key</Button>
          ) : (
            <Button onClick={onRestart}>Try again</Button>
          )}
        </Group>
        {made && (
          <Text size="xs" c="dimmed">
            Continue runs only the steps left; it does not create another key.
          </Text>
        )}
      </Stack>
    );
  }
  return <RotationResult keyRef={keyRef} result={state.result} />;
}

/** A result on the page's own background: links and titles keep their contrast in both themes. */
function ResultCard({
  ok,
  title,
  children,
  ...rest
}: {
  ok: boolean;
  title: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const Icon = ok ? IconCircleCheck : IconAlertTriangle;
  return (
    <Paper withBorder radius="md" p="md" {...rest}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" color={ok ? 'teal' : 'orange'} radius="xl" aria-hidden>
          <Icon size={18} />
        </ThemeIcon>
        <Stack gap={6} miw={0}>
          <Text fw={600}>{title}</Text>
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}

function RotationResult({ keyRef, result }: { keyRef: KeyRef; result: ManualRotationResult }) {
  const { newKey, oldKey, verification } = result;
  return (
    <Stack gap="md" data-testid="rotation-result">
      <ResultCard ok title="Key rotated by hand">
        <Text size="sm">
          New key:{' '}
          <Anchor
            underline="always"
            className={classes.link}
            component={Link}
            to={keyPath({ ...keyRef, keyId: newKey.keyId })}
            data-testid="new-key-link"
          >
            {newKey.keyId}
          </Anchor>
        </Text>
        <Text size="sm">
          {result.aliases.length > 0
            ? `Aliases now pointing at it: ${result.aliases.join(', ')}`
            : 'No alias was moved.'}
        </Text>
        <Group gap="xs">
          <Text size="sm">
            Old key{' '}
            <Anchor
              underline="always"
              className={classes.link}
              component={Link}
              to={keyPath({ ...keyRef, keyId: oldKey.keyId })}
            >
              {oldKey.keyId}
            </Anchor>{' '}
            (kept for what it already protects):
          </Text>
          <StatusBadge tone={stateTone(oldKey.keyState)} data-testid="old-key-state">
            {stateLabel(oldKey.keyState)}
          </StatusBadge>
          {result.oldKeyDeletionDate && (
            <Text size="sm">deleted on {formatDate(result.oldKeyDeletionDate)}</Text>
          )}
        </Group>
      </ResultCard>
      {verification && (
        <ResultCard
          ok={verification.status === 'passed'}
          title="Check with the old key"
          data-testid="rotation-verification"
        >
          <Text size="sm">
            {verification.message}
            {verification.status === 'passed' ? ' ✓' : ''}
          </Text>
        </ResultCard>
      )}
    </Stack>
  );
}
