import { Alert, Button, Group, Text } from '@mantine/core';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useKeyChange } from './use-key-detail';

/** After Cancel deletion: AWS leaves the key Disabled; say so and offer Enable at once. */
export function DeletionCancelledNotice(props: {
  keyRef: KeyRef;
  message: string;
  enabled: boolean;
  onClose(): void;
}) {
  const api = useApi();
  const enable = useKeyChange(
    props.keyRef,
    () => api.keys.enable(props.keyRef),
    () => 'The key is enabled.',
  );
  return (
    <Alert
      color={props.enabled ? 'teal' : 'orange'}
      variant="light"
      title={
        props.enabled
          ? 'Deletion cancelled, key enabled'
          : 'Deletion cancelled: the key is Disabled'
      }
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={props.onClose}
      data-testid="deletion-cancelled"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" style={{ flex: '1 1 24rem' }}>
          {props.enabled ? 'Nothing more to do: the key can be used again.' : props.message}
        </Text>
        {!props.enabled && (
          <Button size="xs" onClick={() => enable.mutate(undefined)} loading={enable.isPending}>
            Enable the key
          </Button>
        )}
      </Group>
    </Alert>
  );
}
