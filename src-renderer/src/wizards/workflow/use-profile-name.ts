import { useProfiles } from '../../api/queries';

/** A profile's name for a profile id of a plan (ids of added profiles are opaque). */
export function useProfileName(): (profileId: string) => string {
  const profiles = useProfiles().data ?? [];
  return (profileId) => profiles.find((p) => p.id === profileId)?.name ?? profileId;
}
