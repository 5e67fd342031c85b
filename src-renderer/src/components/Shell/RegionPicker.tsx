import { Select } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useRegions, useSettings, useUpdateSettings } from '../../api/queries';
import { presentError } from '../../api/present-error';

export function RegionPicker() {
  const { data: regions = [] } = useRegions();
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const group = (isDefault: boolean) =>
    regions
      .filter((region) => region.isDefault === isDefault)
      .map((region) => ({ value: region.code, label: `${region.code} · ${region.name}` }));
  return (
    <Select
      aria-label="Active region"
      data={[
        { group: 'Your default regions', items: group(true) },
        { group: 'Other regions', items: group(false) },
      ]}
      value={settings?.activeRegion ?? null}
      onChange={(value) => {
        if (value)
          update.mutate({ activeRegion: value }, { onError: (error) => presentError(error) });
      }}
      leftSection={<IconWorld size={16} aria-hidden />}
      w={290}
      size="sm"
      allowDeselect={false}
      searchable
      nothingFoundMessage="No region matches"
      comboboxProps={{ width: 320 }}
      data-testid="region-picker"
    />
  );
}
