import type { Output } from '../../../../src-shared/contract';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { presentError } from '../../api/present-error';
import { useProfiles, useRegions, useSettings, useUpdateSettings } from '../../api/queries';
import { profileKindLabel } from '../../format/profile-kind';
import type { Searchable } from '../../search/rank-matches';

export type RegionChoice = Output<'regions.list'>[number];

/** "prod-admin · 111111111111": a profile as the header and the palette name it. */
export const profileLabel = (profile: ProfileSummary): string =>
  profile.accountId ? `${profile.name} · ${profile.accountId}` : profile.name;

/** Found by its name, account id and kind ("sso", "Access key"). */
export const profileSearch = (profile: ProfileSummary): Searchable => ({
  names: [profile.name],
  also: [profile.accountId ?? '', profileKindLabel[profile.kind], profile.kind],
});

/** "eu-west-1 · Europe (Ireland)". */
export const regionLabel = (region: RegionChoice): string => `${region.code} · ${region.name}`;

/** Found by code ("eu-west-1") and by name ("Ireland"). */
export const regionSearch = (region: RegionChoice): Searchable => ({
  names: [region.code, region.name],
});

/**
 * The active profile and region, what they can be switched to, and the switch itself: saved in
 * the settings, which every page reads. The header pickers and the command palette share it.
 */
export function useSwitching() {
  const profiles = useProfiles();
  const { data: regions = [] } = useRegions();
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const onError = (error: unknown) => presentError(error);
  const profileList = profiles.data ?? [];
  return {
    profiles: profileList,
    profilesLoading: profiles.isLoading,
    regions,
    activeProfile: profileList.find((profile) => profile.id === settings?.activeProfileId),
    activeProfileId: settings?.activeProfileId ?? null,
    activeRegion: settings?.activeRegion ?? null,
    switchProfile: (id: string) => update.mutate({ activeProfileId: id }, { onError }),
    switchRegion: (code: string) => update.mutate({ activeRegion: code }, { onError }),
  };
}
