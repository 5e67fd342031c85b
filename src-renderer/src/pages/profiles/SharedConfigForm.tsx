import { Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  addSharedConfigProfileInput,
  type AddSharedConfigProfileInput,
} from '../../../../src-shared/schemas/profile-input';
import { useApi } from '../../api/api-context';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { RegionField, TargetField } from './profile-fields';
import { useCheckedSave } from './use-checked-save';

type Values = Required<AddSharedConfigProfileInput>;

/** A profile that stays in ~/.aws/config (credential_process, role chains, aws-vault, Granted). */
export function SharedConfigForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: '',
      configProfile: '',
      target: 'aws',
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    },
    validate: schemaResolver(addSharedConfigProfileInput, { sync: true }),
  });

  const { onSubmit, checkError, busy } = useCheckedSave({
    form,
    save: (values: Values) => api.profiles.addSharedConfig(values),
    unverifiedMessage: 'The identity check failed; the profile is marked as failed.',
    onClose,
  });

  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <Text size="sm" c="dimmed">
          The profile stays in your AWS config file and the AWS SDK resolves it as the AWS CLI does
          (credential_process, source_profile role chains, cached SSO tokens, aws-vault, Granted).
          Keyward stores only its name.
        </Text>
        <TextInput
          label="Profile name"
          placeholder="prod-via-vault"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Profile in ~/.aws/config"
          placeholder="prod"
          required
          spellCheck={false}
          key={form.key('configProfile')}
          {...form.getInputProps('configProfile')}
        />
        <TargetField
          label="Where these credentials work"
          key={form.key('target')}
          {...form.getInputProps('target')}
        />
        <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
        <CheckedSaveFooter
          checkError={checkError}
          notSavedMessage="The profile was not saved. Fix it in your AWS config file, or save it anyway marked as failed."
          form={form}
          busy={busy}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
