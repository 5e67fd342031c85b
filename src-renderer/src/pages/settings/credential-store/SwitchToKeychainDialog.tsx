import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SecretStoreStatus } from '../../../../../src-shared/models/secret-store';
import { useApi } from '../../../api/api-context';
import { presentError, toSerialized } from '../../../api/present-error';
import { announceSwitch } from '../../../components/CredentialStore/FileStoreDialog';
import {
  profileNames,
  useSecretStoreChanged,
} from '../../../components/CredentialStore/secret-store-status';
import { ModalFooter, ModalFrame } from '../../../components/ModalFrame/ModalFrame';

/**
 * Back to the OS keychain. An unlocked file's secrets move across; a locked one's move once its
 * passphrase is given here, and otherwise the dialog names the profiles that will need theirs again.
 */
export function SwitchToKeychainDialog(props: {
  status: SecretStoreStatus;
  opened: boolean;
  onClose: () => void;
}) {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState<string | null>(null);
  const profiles = props.status.profilesWithSecrets;
  const locked = !props.status.file.unlocked;
  const switchStore = useMutation({
    mutationFn: () =>
      api.secrets.useStore({ store: 'keychain', ...(passphrase ? { passphrase } : {}) }),
  });
  const close = () => {
    setPassphrase('');
    setWrong(null);
    props.onClose();
  };
  const confirm = () =>
    switchStore.mutate(undefined, {
      onSuccess: async (result) => {
        setPassphrase('');
        await changed(result.status);
        announceSwitch(result, 'the OS keychain');
        props.onClose();
      },
      onError: (error) => {
        const field = toSerialized(error).fieldErrors?.passphrase;
        if (field) setWrong(field);
        else presentError(error);
      },
    });
  return (
    <ModalFrame opened={props.opened} onClose={close} title="Switch to the OS keychain" size="md">
      <Stack>
        {profiles.length === 0 ? (
          <Text size="sm">No profile keeps a secret yet: nothing needs to move.</Text>
        ) : locked ? (
          <>
            <Text size="sm">
              The file is locked. Enter its passphrase to move the secrets of{' '}
              {profileNames(profiles)} into the OS keychain.
            </Text>
            <PasswordInput
              label="Passphrase of the encrypted file"
              autoComplete="current-password"
              value={passphrase}
              error={wrong}
              onChange={(event) => {
                setPassphrase(event.currentTarget.value);
                setWrong(null);
              }}
            />
            {!passphrase && (
              <Alert color="yellow" variant="light">
                Without it, {profileNames(profiles)} will need their secrets entered again.
              </Alert>
            )}
          </>
        ) : (
          <Text size="sm">
            The secrets of {profileNames(profiles)} move into the OS keychain and are removed from
            the file.
          </Text>
        )}
        <ModalFooter>
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button loading={switchStore.isPending} onClick={confirm}>
            Switch to the OS keychain
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
