import {
  ActionIcon,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EbsKey } from '../../../../src-shared/models/ebs-key';
import type { EbsSharing } from '../../../../src-shared/models/ebs-sharing';
import { keyManagerLabels } from '../../../../src-shared/models/kms-key';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { BreakableCode } from '../../components/DataTable/BreakableCode';
import type { EbsRowBase } from './common-columns';
import { keyDetailPath, keyLabel } from './ebs-labels';
import type { EbsRowAction } from './row-actions';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Label / value pairs, one a line. */
export function Fields({ fields }: { fields: readonly (readonly [string, ReactNode])[] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {fields.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A snapshot's key: who manages it, its state, and a way to its page when this profile has one. */
export function KeyCard({
  row,
  ebsKey,
  caption,
}: {
  row: EbsRowBase;
  ebsKey: EbsKey;
  caption?: string;
}) {
  const path = keyDetailPath(row, ebsKey);
  return (
    <Card withBorder p="sm" data-testid="key-card">
      <Stack gap={4}>
        {caption && (
          <Text size="xs" c="dimmed">
            {caption}
          </Text>
        )}
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{keyLabel(ebsKey)}</Text>
          {path && (
            // A subtle button, not an Anchor: the Anchor's link colour misses AA contrast on the
            // dark drawer; the table's Details buttons do not.
            <Button component={Link} to={path} variant="subtle" size="compact-sm">
              Open key {keyLabel(ebsKey)}
            </Button>
          )}
        </Group>
        <Text size="sm">
          {ebsKey.manager ? keyManagerLabels[ebsKey.manager] : 'Manager not known'}
          {ebsKey.state ? ` · ${ebsKey.state}` : ''}
          {ebsKey.accountId !== row.accountId ? ` · account ${ebsKey.accountId}` : ''}
        </Text>
        {ebsKey.manager === 'aws' && (
          <Text size="sm">
            An AWS managed key cannot be used by another account: to share, copy the snapshot
            re-encrypted under a customer managed key first.
          </Text>
        )}
        {ebsKey.error && (
          <Text size="sm" c="dimmed">
            This profile cannot describe the key: {ebsKey.error}
          </Text>
        )}
        <BreakableCode>{ebsKey.keyArn}</BreakableCode>
      </Stack>
    </Card>
  );
}

/** Who an owned resource is shared with, or whose it is. */
export function SharingSection({
  row,
  sharing,
  onReload,
}: {
  row: EbsRowBase;
  sharing: EbsSharing | undefined;
  onReload: () => void;
}) {
  if (row.ownership === 'shared-with-me') {
    return (
      <Text size="sm">
        Account {row.ownerId} shared this with {row.accountId}. Only its owner can see or change who
        else it is shared with.
      </Text>
    );
  }
  const body = !sharing ? (
    <Text size="sm" c="dimmed">
      Reading…
    </Text>
  ) : sharing.error ? (
    <Text size="sm">
      Could not read: {sharing.error.message} {sharing.error.hint ?? ''}
    </Text>
  ) : sharing.public || sharing.accounts.length > 0 || sharing.organizations.length > 0 ? (
    <Stack gap={4}>
      {sharing.public && <Text size="sm">Public: every AWS account can use it.</Text>}
      {[...sharing.accounts, ...sharing.organizations].map((who) => (
        <Code key={who}>{who}</Code>
      ))}
    </Stack>
  ) : (
    <Text size="sm">Not shared with any other account.</Text>
  );
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      {body}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconRefresh size={14} />}
        onClick={onReload}
      >
        Read again
      </Button>
    </Group>
  );
}

export function TagsList({ tags }: { tags: Readonly<Record<string, string>> }) {
  const entries = Object.entries(tags);
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No tags (another account's tags are not visible).
      </Text>
    );
  return (
    <Group gap={4}>
      {entries.map(([key, value]) => (
        <Code key={key}>
          {key}={value}
        </Code>
      ))}
    </Group>
  );
}

/** The actions registered for the row (row-actions.ts); nothing when none applies. */
export function RegisteredActions<Row>({
  row,
  actions,
  label,
  compact = false,
}: {
  row: Row;
  actions: readonly EbsRowAction<Row>[];
  label: string;
  compact?: boolean;
}) {
  const navigate = useNavigate();
  const offered = actions.filter((action) => action.available(row));
  if (offered.length === 0) return null;
  return (
    <ActionGroup nowrap gap={4} aria-label={label}>
      {offered.map((action) => {
        const run = () => action.run(row, { navigate: (path) => void navigate(path) });
        // In a table row the label would widen the actions column past a small window: the
        // icon, named by the label (and its tooltip).
        if (compact && action.icon)
          return (
            <Tooltip key={action.id} label={action.label} withinPortal>
              <ActionIcon variant="subtle" aria-label={action.label} onClick={run}>
                <action.icon size={16} />
              </ActionIcon>
            </Tooltip>
          );
        return (
          <Button
            key={action.id}
            variant={compact ? 'subtle' : 'default'}
            size={compact ? 'compact-sm' : 'sm'}
            leftSection={action.icon ? <action.icon size={14} /> : undefined}
            onClick={run}
          >
            {action.label}
          </Button>
        );
      })}
    </ActionGroup>
  );
}
