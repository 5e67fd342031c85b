import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SerializedError } from '../../../../../src-shared/errors';
import type { CreateKeyInput } from '../../../../../src-shared/schemas/create-key-input';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { keyPath } from '../../../pages/keys/key-paths';

export interface CreatedButFailedProps {
  readonly input: CreateKeyInput;
  readonly keyId: string;
  readonly error: SerializedError;
  readonly onContinue: () => void;
  readonly onEditNaming: () => void;
}

/**
 * The key exists but a later step failed: trying again continues from that key (never a second
 * one), after the user perhaps changed the alias; or the key is opened as it is.
 */
export function CreatedButFailed({
  input,
  keyId,
  error,
  onContinue,
  onEditNaming,
}: CreatedButFailedProps) {
  const failedStep = error.details?.kind === 'created' ? error.details.failedStep : 'a later step';
  return (
    <Stack gap="sm" data-testid="create-partly-done">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle />}
        // The light variant's orange title is below 4.5:1 on its own background.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        title={`The key ${keyId} was created; 1 step failed: ${failedStep}`}
      >
        <Text size="sm">
          Continuing does only what is still missing (key material, alias, description and tags,
          replicas) for this key; it does not create another key. To use another alias, change it in
          Name and tags first.
        </Text>
      </Alert>
      <ErrorAlert error={error} />
      <Group gap="sm">
        <Button onClick={onContinue}>Continue with the remaining steps</Button>
        <Button variant="default" onClick={onEditNaming}>
          Change name and tags
        </Button>
        <Button
          variant="default"
          component={Link}
          to={keyPath({ profileId: input.profileId, region: input.region, keyId })}
        >
          Open the key as it is
        </Button>
      </Group>
    </Stack>
  );
}
