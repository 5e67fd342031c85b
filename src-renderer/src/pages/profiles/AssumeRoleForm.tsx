import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SerializedError } from '../../../../src-shared/errors';
import { useApi } from '../../api/api-context';
import { presentError, toSerialized } from '../../api/present-error';
import { queryKeys, useProfiles } from '../../api/queries';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { regionOptions } from './region-options';
import {
  toAssumeRoleInput,
  useAssumeRoleForm,
  type AssumeRoleValues,
} from './add-assume-role-form';

/** A profile that assumes a role (often in another account) from an existing profile. */
export function AssumeRoleForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { data: profiles = [] } = useProfiles();
  const form = useAssumeRoleForm();
  const [checkError, setCheckError] = useState<SerializedError | null>(null);
  const add = useMutation({
    mutationFn: (values: AssumeRoleValues) => api.profiles.addAssumeRole(toAssumeRoleInput(values)),
  });

  const submit = async (values: AssumeRoleValues) => {
    setCheckError(null);
    try {
      const profile = await add.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      notifications.show({
        color: profile.status === 'verified' ? 'teal' : 'yellow',
        title:
          profile.status === 'verified'
            ? `Added “${profile.name}”`
            : `Saved “${profile.name}” without a session`,
        message: profile.arn ?? 'Start a session from the Profiles page when you need it.',
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
          Keyward calls STS AssumeRole as the source profile. Session credentials stay in memory and
          are renewed before they expire; roles that need MFA ask for a code.
        </Text>
        <TextInput
          label="Profile name"
          placeholder="backup-operator"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Select
          label="Source profile"
          description="Whose identity assumes the role"
          data={profiles.map((profile) => ({ value: profile.id, label: profile.name }))}
          searchable
          required
          key={form.key('sourceProfileId')}
          {...form.getInputProps('sourceProfileId')}
        />
        <TextInput
          label="Role ARN"
          placeholder="arn:aws:iam::222222222222:role/BackupOperator"
          required
          spellCheck={false}
          key={form.key('roleArn')}
          {...form.getInputProps('roleArn')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="External ID (optional)"
            key={form.key('externalId')}
            {...form.getInputProps('externalId')}
          />
          <TextInput
            label="Session name"
            key={form.key('sessionName')}
            {...form.getInputProps('sessionName')}
          />
          <NumberInput
            label="Session length (seconds)"
            min={900}
            max={43200}
            step={900}
            key={form.key('durationSeconds')}
            {...form.getInputProps('durationSeconds')}
          />
          <Select
            label="Default region"
            data={regionOptions}
            searchable
            allowDeselect={false}
            key={form.key('defaultRegion')}
            {...form.getInputProps('defaultRegion')}
          />
          <TextInput
            label="MFA device (optional)"
            placeholder="arn:aws:iam::111111111111:mfa/admin"
            key={form.key('mfaSerial')}
            {...form.getInputProps('mfaSerial')}
          />
          <TextInput
            label="MFA code"
            placeholder="123456"
            inputMode="numeric"
            autoComplete="one-time-code"
            key={form.key('mfaCode')}
            {...form.getInputProps('mfaCode')}
          />
        </SimpleGrid>
        <CheckedSaveFooter
          checkError={checkError}
          notSavedMessage="The profile was not saved. Fix the role settings, or save it anyway marked as failed."
          saveAnywayLabel="Save even if the role cannot be assumed now"
          saveAnywayProps={{
            key: form.key('saveUnverified'),
            ...form.getInputProps('saveUnverified', { type: 'checkbox' }),
          }}
          submitLabel="Assume and save"
          busy={add.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
