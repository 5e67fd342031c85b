import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { newPassphrase } from '../../../../../src-shared/schemas/secret-store';
import { useApi } from '../../../api/api-context';
import { presentError } from '../../../api/present-error';
import { useSecretStoreChanged } from '../../../components/CredentialStore/secret-store-status';
import { notifySuccess } from '../../../components/notify/notify';

/** Re-encrypts the file store under a new passphrase; the current one is checked in main. */
export function ChangePassphraseForm({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (value: string) => (value ? null : 'Enter the current passphrase'),
      next: (value: string, values) =>
        newPassphrase.safeParse(value).error?.issues[0]?.message ??
        (value === values.current ? 'Choose a passphrase different from the current one' : null),
      confirm: (value: string, values) =>
        value === values.next ? null : 'The two new passphrases differ',
    },
  });
  const change = useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      api.secrets.changePassphrase({ current, next }),
  });
  const submit = form.onSubmit(async ({ current, next }) => {
    try {
      const status = await change.mutateAsync({ current, next });
      form.reset();
      await changed(status);
      notifySuccess({
        title: 'Passphrase changed',
        message: 'The credential file was encrypted again under the new passphrase.',
      });
      onDone();
    } catch (error) {
      presentError(error, { form });
    }
  });
  return (
    <form onSubmit={submit} aria-label="Change passphrase">
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label="Current passphrase"
          autoComplete="current-password"
          key={form.key('current')}
          {...form.getInputProps('current')}
        />
        <PasswordInput
          label="New passphrase"
          description="At least 12 characters."
          autoComplete="new-password"
          key={form.key('next')}
          {...form.getInputProps('next')}
        />
        <PasswordInput
          label="Confirm new passphrase"
          autoComplete="new-password"
          key={form.key('confirm')}
          {...form.getInputProps('confirm')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change passphrase
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
