import { SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SerializedError } from '../../../../src-shared/errors';
import {
  addSharedConfigProfileInput,
  type AddSharedConfigProfileInput,
} from '../../../../src-shared/schemas/profile-input';
import { useApi } from '../../api/api-context';
import { presentError, toSerialized } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { regionOptions } from './region-options';

type Values = Required<AddSharedConfigProfileInput>;

/** A profile that stays in ~/.aws/config (credential_process, role chains, aws-vault, Granted). */
export function SharedConfigForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [checkError, setCheckError] = useState<SerializedError | null>(null);
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
  const add = useMutation({ mutationFn: (values: Values) => api.profiles.addSharedConfig(values) });

  const submit = async (values: Values) => {
    setCheckError(null);
    try {
      const profile = await add.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      notifications.show({
        color: profile.status === 'verified' ? 'teal' : 'yellow',
        title:
          profile.status === 'verified'
            ? `Added “${profile.name}”`
            : `Saved “${profile.name}” without a working identity`,
        message: profile.arn ?? 'The identity check failed; the profile is marked as failed.',
      });
      form.reset();
      onClose();
    } catch (error) {
      const serialized = toSerialized(error);
      if (serialized.code === 'validation') presentError(error, { form });
      else setCheckError(serialized);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)}>
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
        <Stack gap={4}>
          <Text size="sm" fw={500} id="config-target-label">
            Where these credentials work
          </Text>
          <SegmentedControl
            aria-labelledby="config-target-label"
            key={form.key('target')}
            {...form.getInputProps('target')}
            data={[
              { value: 'aws', label: 'AWS' },
              { value: 'sandbox', label: 'Keyward sandbox' },
            ]}
            w="fit-content"
          />
        </Stack>
        <Select
          label="Default region"
          data={regionOptions}
          searchable
          allowDeselect={false}
          key={form.key('defaultRegion')}
          {...form.getInputProps('defaultRegion')}
        />
        <CheckedSaveFooter
          checkError={checkError}
          notSavedMessage="The profile was not saved. Fix it in your AWS config file, or save it anyway marked as failed."
          saveAnywayLabel="Save even if the identity check fails"
          saveAnywayProps={{
            key: form.key('saveUnverified'),
            ...form.getInputProps('saveUnverified', { type: 'checkbox' }),
          }}
          submitLabel="Check and save"
          busy={add.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
