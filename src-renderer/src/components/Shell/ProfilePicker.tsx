import { Badge, Group, Tooltip } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { profileKindLabel } from '../../format/profile-kind';
import { HeaderPicker } from './HeaderPicker';
import { profileLabel, profileSearch, useSwitching } from './use-switching';

/** The active profile; every page acts with its identity. */
export function ProfilePicker() {
  const { profiles, profilesLoading, activeProfile, activeProfileId, switchProfile } =
    useSwitching();
  const text = activeProfile?.name ?? (profilesLoading ? 'Loading profiles…' : 'Choose a profile');
  const detail = activeProfile?.accountId ?? undefined;
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      {activeProfile?.target === 'sandbox' && (
        <Tooltip label="Calls go to Keyward's built-in offline sandbox, never to AWS">
          <Badge color="grape.9" variant="filled" data-testid="sandbox-badge" flex="none">
            Sandbox
          </Badge>
        </Tooltip>
      )}
      <HeaderPicker
        options={profiles.map((profile) => ({
          value: profile.id,
          label: profile.name,
          detail: [profile.accountId, profileKindLabel[profile.kind]].filter(Boolean).join(' · '),
          search: profileSearch(profile),
        }))}
        value={activeProfileId}
        onPick={switchProfile}
        label={`Active profile: ${activeProfile ? profileLabel(activeProfile) : 'none'}`}
        text={text}
        {...(detail ? { detail } : {})}
        icon={<IconUserCircle size={16} aria-hidden />}
        searchLabel="Search profiles"
        nothingFound="No profile matches"
        testId="profile-picker"
        disabled={profiles.length === 0}
        dropdownWidth={380}
      />
    </Group>
  );
}
