import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SerializedError } from '../../../../src-shared/errors';
import { CopyDetailsButton } from '../CopyButton/CopyDetailsButton';
import { errorTitle } from '../../api/present-error';
import { UnlockStoreButton } from '../CredentialStore/UnlockStoreButton';

export function errorDetails(error: SerializedError): string {
  const lines = [`code: ${error.code}`, `message: ${error.message}`];
  if (error.hint) lines.push(`hint: ${error.hint}`);
  if (error.aws) {
    lines.push(`aws code: ${error.aws.code}`);
    if (error.aws.service) lines.push(`aws service: ${error.aws.service}`);
    if (error.aws.operation) lines.push(`aws operation: ${error.aws.operation}`);
    if (error.aws.requestId) lines.push(`request id: ${error.aws.requestId}`);
  }
  if (error.correlationId) lines.push(`correlation id: ${error.correlationId}`);
  return lines.join('\n');
}

/**
 * What happened, why, what to do next; AWS codes and ids behind "copy details". A locked
 * credential store gets its Unlock button here; `onUnlocked` can then retry what failed.
 */
export function ErrorAlert({
  error,
  onUnlocked,
}: {
  error: SerializedError;
  onUnlocked?: () => void;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={errorTitle(error)}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        {error.hint && (
          <Text size="sm" c="dimmed">
            {error.hint}
          </Text>
        )}
        {(error.aws ?? error.correlationId) && (
          <Group gap="xs">
            {error.aws && <Code>{error.aws.code}</Code>}
            {error.aws?.requestId && <Code>{error.aws.requestId}</Code>}
            {error.correlationId && <Code>{error.correlationId}</Code>}
          </Group>
        )}
        <Group>
          {error.code === 'secret-store-locked' && (
            <UnlockStoreButton {...(onUnlocked ? { onUnlocked } : {})} />
          )}
          <CopyDetailsButton details={errorDetails(error)} />
        </Group>
      </Stack>
    </Alert>
  );
}
