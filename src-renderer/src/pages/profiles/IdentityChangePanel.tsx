import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { IdentitySide } from '../../../../src-shared/errors';
import type { EditableKind } from './edit-profile-form';

/** What “Keep the old …” keeps, in the words of the profile's kind. */
const keepLabel: Record<EditableKind, string> = {
  'access-key': 'Keep the old key',
  'assume-role': 'Keep the old role',
  'shared-config': 'Keep the old config profile',
  sso: 'Keep the old account and role',
};

/** An ARN that wraps, its resource (`user/admin`, `assumed-role/…`) in bold: that is what changes. */
function Arn({ arn }: { arn: string }) {
  const at = arn.split(':', 5).join(':').length + 1;
  return (
    <Text ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
      <Text span inherit c="dimmed">
        {arn.slice(0, at)}
      </Text>
      <Text span inherit fw={700}>
        {arn.slice(at)}
      </Text>
    </Text>
  );
}

function Side({ label, side }: { label: string; side: IdentitySide }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`identity-${label.toLowerCase()}`}>
      <Stack gap={4}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {label}
        </Text>
        {side.arn ? (
          <Arn arn={side.arn} />
        ) : (
          <Text size="sm">
            Role {side.roleName ?? 'unknown'} (its ARN is known after you sign in)
          </Text>
        )}
        <Text size="sm">Account {side.accountId ?? 'unknown'}</Text>
      </Stack>
    </Paper>
  );
}

/**
 * Main refused an edit that makes the profile another principal: both identities side by side,
 * and the choice — save with the new one, or keep everything as it was.
 */
export function IdentityChangePanel(props: {
  profileName: string;
  kind: EditableKind;
  before: IdentitySide;
  after: IdentitySide;
  busy: boolean;
  onConfirm: () => void;
  onKeepOld: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // It appears under the form, often below the fold of the dialog: bring the choice into view.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const otherAccount =
    props.before.accountId !== null &&
    props.after.accountId !== null &&
    props.before.accountId !== props.after.accountId;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconArrowsExchange />}
      title={`“${props.profileName}” would become another identity`}
      role="alert"
      // The orange title misses WCAG AA contrast on its light background: body text colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      data-testid="identity-change"
      ref={panel}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Side label="Was" side={props.before} />
          <Side label="Now" side={props.after} />
        </SimpleGrid>
        {otherAccount && (
          <Group gap={6}>
            <Badge color="orange.9">Another account</Badge>
            <Text size="sm">
              {props.before.accountId} → {props.after.accountId}
            </Text>
          </Group>
        )}
        <Text size="sm">
          Nothing has been saved yet. After saving, everything done as “{props.profileName}” acts as
          the new identity.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onKeepOld} data-autofocus>
            {keepLabel[props.kind]}
          </Button>
          <Button color="red.9" loading={props.busy} onClick={props.onConfirm}>
            Save with the new identity
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
