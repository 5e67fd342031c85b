import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useApi } from '../../api/api-context';
import { useProfiles } from '../../api/queries';
import { CheckedSaveFooter } from './CheckedSaveFooter';
import { RegionField, RoleFields } from './profile-fields';
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
        <RoleFields form={form} />
        <RegionField key={form.key('defaultRegion')} {...form.getInputProps('defaultRegion')} />
        <CheckedSaveFooter
          checkError={checkError}
          notSavedMessage="The profile was not saved. Fix the role settings, or save it anyway marked as failed."
          saveAnywayLabel="Save even if the role cannot be assumed now"
          form={form}
          submitLabel="Assume and save"
          busy={busy}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
