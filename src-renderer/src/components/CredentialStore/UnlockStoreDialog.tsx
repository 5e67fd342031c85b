import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { presentError } from '../../api/present-error';
import { DialogFields } from './DialogFields';
import { LOCKED_NOTIFICATION_ID, useSecretStoreChanged } from './secret-store-status';
import { hideToast, notifySuccess } from '../notify/notify';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';

/**
 * Asks for the encrypted file's passphrase. A wrong one stays in the dialog, on the field; the
 * passphrase goes to main once and is forgotten here as soon as the call answers.
 */
export function UnlockStoreDialog(props: {
  opened: boolean;
  onClose: () => void;
  onUnlocked?: () => void;
}) {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { passphrase: '' },
    validate: { passphrase: (value: string) => (value ? null : 'Enter the passphrase') },
  });
  const unlock = useMutation({
    mutationFn: (passphrase: string) => api.secrets.unlock({ passphrase }),
  });
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = form.onSubmit(async ({ passphrase }) => {
    try {
      const status = await unlock.mutateAsync(passphrase);
      form.reset();
      await changed(status);
      hideToast(LOCKED_NOTIFICATION_ID);
      notifySuccess({
        title: 'Credentials unlocked',
        message:
          status.idleLockMinutes > 0
            ? `They lock again after ${status.idleLockMinutes} minutes without use, and when Keyward exits.`
            : 'They stay unlocked until you lock them or Keyward exits.',
      });
      props.onClose();
      props.onUnlocked?.();
    } catch (error) {
      presentError(error, { form });
    }
  });

  return (
    <ModalFrame opened={props.opened} onClose={close} title="Unlock credentials" size="md">
      <DialogFields onSubmit={() => submit()}>
        <Stack>
          <Text size="sm">
            Profiles’ secrets are in Keyward’s encrypted credential file. It opens with the
            passphrase chosen when it was created, which is stored nowhere.
          </Text>
          <PasswordInput
            label="Passphrase"
            autoComplete="current-password"
            data-autofocus
            key={form.key('passphrase')}
            {...form.getInputProps('passphrase')}
          />
          <ModalFooter>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => submit()} loading={unlock.isPending}>
              Unlock
            </Button>
          </ModalFooter>
        </Stack>
      </DialogFields>
    </ModalFrame>
  );
}
