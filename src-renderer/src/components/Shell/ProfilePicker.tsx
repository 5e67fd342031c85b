import { Badge, Group, Select, Tooltip } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useProfiles, useSettings, useUpdateSettings } from '../../api/queries';
import { presentError } from '../../api/present-error';

/** The active profile; every page acts with its identity. */
export function ProfilePicker() {
  const { data: profiles = [], isLoading } = useProfiles();
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const options = profiles.map((profile) => ({
    value: profile.id,
    label: profile.accountId ? `${profile.name} · ${profile.accountId}` : profile.name,
  }));
  const active = profiles.find((profile) => profile.id === settings?.activeProfileId);
  return (
    <Group gap={6} wrap="nowrap">
      {active?.target === 'sandbox' && (
        <Tooltip label="Calls go to Keyward's built-in offline sandbox, never to AWS">
          <Badge color="grape.9" variant="filled" data-testid="sandbox-badge">
            Sandbox
          </Badge>
        </Tooltip>
      )}
      <Select
        aria-label="Active profile"
        placeholder={
          isLoading
            ? 'Loading profiles…'
            : profiles.length === 0
              ? 'No profiles yet'
              : 'Choose a profile'
        }
        data={options}
        value={settings?.activeProfileId ?? null}
        onChange={(value) =>
          update.mutate({ activeProfileId: value }, { onError: (error) => presentError(error) })
        }
        disabled={profiles.length === 0}
        leftSection={<IconUserCircle size={16} aria-hidden />}
        w={240}
        size="sm"
        allowDeselect={false}
        searchable
        nothingFoundMessage="No profile matches"
        data-testid="profile-picker"
      />
    </Group>
  );
}
