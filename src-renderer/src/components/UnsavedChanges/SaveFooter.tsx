import { Button, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { ActionGroup } from '../ActionGroup/ActionGroup';

/**
 * The end of a form card that saves on its own (one save per card): says when the card holds
 * unsaved changes, next to its submit button.
 */
export function SaveFooter({
  dirty,
  busy,
  label,
}: {
  dirty: boolean;
  busy: boolean;
  /** The submit button's label, e.g. "Save settings". */
  label: string;
}) {
  return (
    <ActionGroup>
      {dirty && (
        <Text size="sm" c="dimmed" role="status" data-testid="unsaved-changes">
          Unsaved changes
        </Text>
      )}
      <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} />}>
        {label}
      </Button>
    </ActionGroup>
  );
}
