import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconFileLock } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { SerializedError } from '../../../../src-shared/errors';
import { FileStoreDialog } from '../../components/CredentialStore/FileStoreDialog';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';

/** The save failed because the secret could not be stored, not because of the profile. */
export const isSecretStoreProblem = (error: SerializedError): boolean =>
  error.code === 'keychain-unavailable' || error.code === 'secret-store-locked';

/**
 * Instead of "fix the keys, or save anyway" (the keys were fine): with no OS keychain, the offer
 * of the encrypted file store; with the file store locked, its Unlock. Either way the form is
 * submitted again once the store can take the secret.
 */
export function SecretStoreProblem({ error }: { error: SerializedError }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [offering, setOffering] = useState(false);
  const retry = () => anchor.current?.closest('form')?.requestSubmit();
  return (
    <Stack gap="sm" ref={anchor}>
      <ErrorAlert error={error} onUnlocked={retry} />
      {error.code === 'keychain-unavailable' ? (
        <Alert color="yellow" variant="light" title="The profile was not saved">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              The keys were not the problem: this host has no OS keychain to keep the secret in.
              Keyward can keep it in an encrypted file instead, opened with a passphrase you choose,
              and then save the profile.
            </Text>
            <Button
              size="xs"
              leftSection={<IconFileLock size={14} />}
              onClick={() => setOffering(true)}
            >
              Use an encrypted file instead
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Alert color="yellow" variant="light">
          The profile was not saved: the credentials are locked. Unlock them and Keyward saves it.
        </Alert>
      )}
      <FileStoreDialog opened={offering} onClose={() => setOffering(false)} onSwitched={retry} />
    </Stack>
  );
}
