import { Button, Group, MultiSelect, Popover, Stack, Text } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScopeCell } from '../../../../src-shared/models/kms-key';
import { useProfiles, useRegions } from '../../api/queries';

const unique = (values: readonly string[]) => [...new Set(values)];
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Every chosen profile in every chosen region. */
export function scopeCells(profiles: readonly string[], regions: readonly string[]): ScopeCell[] {
  return profiles.flatMap((profileId) => regions.map((region) => ({ profileId, region })));
}

interface ScopePickerProps {
  readonly cells: readonly ScopeCell[];
  readonly isDefault: boolean;
  readonly onApply: (cells: readonly ScopeCell[] | null) => void;
}

/** Which profiles × regions the inventory reads; the choice is remembered by main. */
export function ScopePicker({ cells, isDefault, onApply }: ScopePickerProps) {
  const { data: profiles = [] } = useProfiles();
  const { data: regions = [] } = useRegions();
  const [opened, setOpened] = useState(false);
  const current = {
    profiles: unique(cells.map((cell) => cell.profileId)),
    regions: unique(cells.map((cell) => cell.region)),
  };
  const [chosenProfiles, setProfiles] = useState<string[]>(current.profiles);
  const [chosenRegions, setRegions] = useState<string[]>(current.regions);
  const open = () => {
    setProfiles(current.profiles);
    setRegions(current.regions);
    setOpened(true);
  };
  const summary = `${plural(current.profiles.length, 'profile', 'profiles')} × ${plural(current.regions.length, 'region', 'regions')}`;
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      withinPortal={false}
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconTargetArrow size={16} />}
          onClick={() => (opened ? setOpened(false) : open())}
          aria-label={`Scope: ${summary}${isDefault ? ' (default)' : ''}`}
        >
          Scope: {summary}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" w={340}>
          <MultiSelect
            label="Profiles"
            data={profiles.map((profile) => ({ value: profile.id, label: profile.name }))}
            value={chosenProfiles}
            onChange={setProfiles}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear profiles' }}
            comboboxProps={{ withinPortal: false }}
          />
          <MultiSelect
            label="Regions"
            data={regions.map((region) => ({
              value: region.code,
              label: `${region.code} · ${region.name}`,
            }))}
            value={chosenRegions}
            onChange={setRegions}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear regions' }}
            comboboxProps={{ withinPortal: false }}
          />
          <Text size="xs" c="dimmed">
            {plural(chosenProfiles.length * chosenRegions.length, 'place', 'places')} to read.
          </Text>
          <Group justify="space-between" gap="xs">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                onApply(null);
                setOpened(false);
              }}
            >
              Use the default
            </Button>
            <Button
              size="xs"
              disabled={chosenProfiles.length === 0 || chosenRegions.length === 0}
              onClick={() => {
                onApply(scopeCells(chosenProfiles, chosenRegions));
                setOpened(false);
              }}
            >
              Read this scope
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
