import { Stack, Text, TextInput } from '@mantine/core';
import { useApi } from '../../api/api-context';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { KeyPairFields, RegionField, TargetField } from './profile-fields';
import { useCheckedSave } from './use-checked-save';
import { toAddInput, useAddProfileForm, type AddProfileValues } from './add-profile-form';

/** Add an access-key profile: checked with STS before it is saved; the secret goes to the keychain only. */
export function AccessKeyForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const form = useAddProfileForm();

  const close = () => {
    form.reset();
    onClose();
  };
  const { onSubmit, checkError, busy } = useCheckedSave({
    form,
    save: (values: AddProfileValues) => api.profiles.addAccessKey(toAddInput(values)),
    unverifiedMessage: 'The identity check failed; the profile is marked as failed.',
    onClose,
  });

  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <Text size="sm" c="dimmed">
          Keyward asks STS who these keys belong to before saving. The secret access key goes
          straight to the OS keychain (or Keyward’s encrypted file, if chosen in Settings); it is
          never written to disk in plain text or shown again.
        </Text>
        <TextInput
          label="Profile name"
          placeholder="prod-admin"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TargetField
          label="Where these keys work"
          key={form.key('target')}
          {...form.getInputProps('target')}
        />
        <KeyPairFields form={form} />
        <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
        <TextInput
          label="MFA device (optional)"
          description="The ARN of the user's MFA device; Keyward asks for a code when a session needs it."
          placeholder="arn:aws:iam::111111111111:mfa/alice"
          key={form.key('mfaSerial')}
          {...form.getInputProps('mfaSerial')}
        />
        <CheckedSaveFooter
          checkError={checkError}
          notSavedMessage="The profile was not saved. Fix the keys, or save it anyway marked as failed."
          form={form}
          busy={busy}
          onCancel={close}
        />
      </Stack>
    </form>
  );
}
