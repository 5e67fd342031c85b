import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useApi } from '../../api/api-context';
import { useProfiles } from '../../api/queries';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { RegionField } from './profile-fields';
import { useCheckedSave } from './use-checked-save';
import {
  toAssumeRoleInput,
  useAssumeRoleForm,
  type AssumeRoleValues,
} from './add-assume-role-form';

/** A profile that assumes a role (often in another account) from an existing profile. */
export function AssumeRoleForm({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { data: profiles = [] } = useProfiles();
  const form = useAssumeRoleForm();

  const { onSubmit, checkError, busy } = useCheckedSave({
    form,
    save: (values: AssumeRoleValues) => api.profiles.addAssumeRole(toAssumeRoleInput(values)),
    unverifiedMessage: 'Start a session from the Profiles page when you need it.',
    onClose,
  });

  return (
    <form onSubmit={onSubmit}>
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
          <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
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
          busy={busy}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
