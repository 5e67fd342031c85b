import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';

/**
 * The Availability Zones of one profile's account in one Region. Zone names map to physical
 * zones per account, so it is the profile that will use the zone whose names are read.
 */
export function useRegionZones(profileId: string, region: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['zones.list', profileId, region],
    queryFn: () => api.zones.list({ profileId, region }),
    enabled: Boolean(profileId && region),
    // Access denied will not change by asking again: the field falls back to free text at once.
    retry: (failures, error) => failures < 1 && toSerialized(error).retryable,
  });
}
