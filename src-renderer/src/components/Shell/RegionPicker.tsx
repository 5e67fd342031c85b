import { IconWorld } from '@tabler/icons-react';
import { HeaderPicker } from './HeaderPicker';
import { regionSearch, useSwitching } from './use-switching';

/** The active region; pages list and act in it. */
export function RegionPicker() {
  const { regions, activeRegion, switchRegion } = useSwitching();
  const name = regions.find((region) => region.code === activeRegion)?.name;
  const full = [activeRegion ?? 'none', name].filter(Boolean).join(' · ');
  return (
    <HeaderPicker
      options={regions.map((region) => ({
        value: region.code,
        label: region.code,
        detail: region.name,
        group: region.isDefault ? 'Your default regions' : 'Other regions',
        search: regionSearch(region),
      }))}
      value={activeRegion}
      onPick={switchRegion}
      label={`Region: ${full}`}
      text={activeRegion ?? 'Region'}
      {...(name ? { detail: name } : {})}
      compact
      icon={<IconWorld size={16} aria-hidden />}
      searchLabel="Search regions"
      nothingFound="No region matches"
      testId="region-picker"
      dropdownWidth={320}
    />
  );
}
