import { Card, Group, Stack, Text } from '@mantine/core';
import {
  diffPolicies,
  type StatementRef,
} from '../../../../src-shared/policy/key-policy/diff-policies';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import classes from './KeyPolicyEditor.module.css';

function title(ref: StatementRef): string {
  return ref.sid ? `“${ref.sid}”` : `Statement ${ref.index + 1}`;
}

function StatementCard(props: {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly heading: string;
  readonly detail?: string;
  readonly statement: unknown;
  readonly before?: unknown;
}) {
  const labels = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
  // Filled dark tones: the light badges fail AA contrast for their small text.
  const tones = { added: 'ok', removed: 'danger', changed: 'warning' } as const;
  return (
    <Card withBorder padding="xs" className={classes[props.kind]} data-diff={props.kind}>
      <Group gap="xs" mb={4}>
        <StatusBadge tone={tones[props.kind]}>{labels[props.kind]}</StatusBadge>
        <Text size="sm" fw={600}>
          {props.heading}
        </Text>
      </Group>
      {props.detail && (
        <Text size="xs" c="dimmed" mb={4}>
          {props.detail}
        </Text>
      )}
      <pre className={classes.statement}>{JSON.stringify(props.statement, null, 2)}</pre>
      {props.before !== undefined && (
        <details>
          <summary>
            <Text span size="xs">
              As it was
            </Text>
          </summary>
          <pre className={classes.statement}>{JSON.stringify(props.before, null, 2)}</pre>
        </details>
      )}
    </Card>
  );
}

/** The statements a save changes, each highlighted; unchanged ones are only counted. */
export function StatementDiff({ before, after }: { before: string; after: string }) {
  const result = diffPolicies(before, after);
  if (!result.ok) return <Text c="red">{result.message}</Text>;
  const { added, removed, changed, unchanged, header } = result.diff;
  const nothing = added.length + removed.length + changed.length + header.length === 0;
  return (
    <Stack gap="xs" data-testid="policy-diff">
      <Text size="sm">
        {nothing
          ? 'The policy means the same as the saved one (only formatting differs).'
          : `${changed.length} changed, ${added.length} added, ${removed.length} removed; ${unchanged.length} unchanged.`}
      </Text>
      {header.length > 0 && <Text size="sm">Also changed: {header.join(', ')}.</Text>}
      {changed.map((c) => (
        <StatementCard
          key={`c${c.after.index}`}
          kind="changed"
          heading={title(c.after)}
          detail={`${c.elements.join(', ')} changed.`}
          statement={c.after.statement}
          before={c.before.statement}
        />
      ))}
      {added.map((ref) => (
        <StatementCard
          key={`a${ref.index}`}
          kind="added"
          heading={title(ref)}
          statement={ref.statement}
        />
      ))}
      {removed.map((ref) => (
        <StatementCard
          key={`r${ref.index}`}
          kind="removed"
          heading={title(ref)}
          statement={ref.statement}
        />
      ))}
    </Stack>
  );
}
