import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type {
  SecretStoreStatus,
  UseSecretStoreResult,
} from '../../../../src-shared/models/secret-store';
import { newPassphrase } from '../../../../src-shared/schemas/secret-store';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { DialogFields } from './DialogFields';
import { profileNames, useSecretStoreChanged, useSecretStoreStatus } from './secret-store-status';
import { notifySuccess, notifyWarning } from '../notify/notify';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';

/** What the switch will do with the profiles' secrets, said before it is done. */
function MoveNote({ status }: { status: SecretStoreStatus }) {
  const profiles = status.profilesWithSecrets;
  if (profiles.length === 0) return null;
  return status.keychain.available ? (
    <Text size="sm">
      The secrets of {profileNames(profiles)} move from the OS keychain into the file, and are
      removed from the keychain.
    </Text>
  ) : (
    <Alert color="yellow" variant="light">
      The OS keychain cannot be read here, so {profileNames(profiles)} will need their access key
      entered again (or a new sign-in) after the switch.
    </Alert>
  );
}

/** Tells what the switch did; a profile that needs its secret again is named. */
export function announceSwitch(result: UseSecretStoreResult, where: string): void {
  const parts = [`Profiles’ secrets are now kept in ${where}.`];
  if (result.moved.length > 0) parts.push(`Moved: ${profileNames(result.moved)}.`);
  if (result.needReentry.length > 0) {
    parts.push(`Enter the secrets of ${profileNames(result.needReentry)} again (Edit profile).`);
  }
  const toast = { title: 'Credential store switched', message: parts.join(' ') };
  // Profiles that need their secrets again are named until the user has read the list.
  if (result.needReentry.length > 0) notifyWarning({ ...toast, stay: true });
  else notifySuccess(toast);
}

/**
 * "Use an encrypted file instead": creates the file store with a new passphrase (typed twice),
 * or opens the one that exists, and switches profiles to it.
 */
export function FileStoreDialog(props: {
  opened: boolean;
  onClose: () => void;
  onSwitched?: (result: UseSecretStoreResult) => void;
}) {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const { data: status, refetch } = useSecretStoreStatus();
  const creating = !status?.file.exists;
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { passphrase: '', confirm: '' },
    validate: {
      passphrase: (value: string) =>
        creating
          ? (newPassphrase.safeParse(value).error?.issues[0]?.message ?? null)
          : value
            ? null
            : 'Enter the passphrase',
      confirm: (value: string, values) =>
        creating && value !== values.passphrase ? 'The two passphrases differ' : null,
    },
  });
  const switchStore = useMutation({
    mutationFn: async (passphrase: string) => {
      if (!creating) return api.secrets.useStore({ store: 'file', passphrase });
      await api.secrets.createFileStore({ passphrase });
      return api.secrets.useStore({ store: 'file' });
    },
  });
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = form.onSubmit(async ({ passphrase }) => {
    try {
      const result = await switchStore.mutateAsync(passphrase);
      form.reset();
      await changed(result.status);
      announceSwitch(result, 'the encrypted file');
      props.onClose();
      props.onSwitched?.(result);
    } catch (error) {
      void refetch(); // a file created before a failed switch is opened next time, not made again
      presentError(error, { form });
    }
  });

  return (
    <ModalFrame opened={props.opened} onClose={close} title="Use an encrypted file" size="md">
      <DialogFields onSubmit={() => submit()}>
        <Stack>
          <Text size="sm">
            Keyward keeps the secrets in one file in its data directory, encrypted (AES-256-GCM)
            with a key derived from your passphrase (scrypt). The passphrase is stored nowhere:
            Keyward asks for it when it starts, and locks the file again after a time without use.
            If it is forgotten, the secrets in the file must be entered again.
          </Text>
          {status && <MoveNote status={status} />}
          <PasswordInput
            label={creating ? 'New passphrase' : 'Passphrase of the existing file'}
            description={creating ? 'At least 12 characters; a few words are easy to type.' : ''}
            autoComplete={creating ? 'new-password' : 'current-password'}
            data-autofocus
            key={form.key('passphrase')}
            {...form.getInputProps('passphrase')}
          />
          {creating && (
            <PasswordInput
              label="Confirm passphrase"
              autoComplete="new-password"
              key={form.key('confirm')}
              {...form.getInputProps('confirm')}
            />
          )}
          <ModalFooter>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => submit()} loading={switchStore.isPending}>
              {creating ? 'Create and use the file' : 'Unlock and use the file'}
            </Button>
          </ModalFooter>
        </Stack>
      </DialogFields>
    </ModalFrame>
  );
}
